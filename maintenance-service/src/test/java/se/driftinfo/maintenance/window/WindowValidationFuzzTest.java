package se.driftinfo.maintenance.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import se.driftinfo.contracts.maintenance.WindowSchedule;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.maintenance.catalog.Region;
import se.driftinfo.maintenance.catalog.RegionSystem;

/**
 * Window validation under fuzzing (issue #15: "fuzz tests for window validation"): from the fuzzer's bytes
 * a planner's request (rule, start, duration, zone, title), checked as the service checks it (Bean
 * Validation, then {@link WindowDefinition#of}) and, when accepted, expanded as the pages, the API and
 * every consumer expand it. Whatever the input: the only refusal is an {@link InvalidFieldException}
 * naming a field (a 400), an accepted window lies inside the planning horizon, no expansion exceeds its
 * count, and no input takes longer than {@link #PER_INPUT}.
 *
 * <p>{@code ./mvnw verify} fuzzes this for its {@code maxDuration} in a JVM of its own (the surefire
 * execution {@code fuzz} sets {@code JAZZER_FUZZ=1}); without it, JUnit replays saved inputs only.
 */
class WindowValidationFuzzTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final PlanningHorizon HORIZON = PlanningHorizon.of(LocalDate.of(2000, 1, 1), TODAY, Period.ofYears(10));

    /** CPU time one input may take (a rule bomb takes far longer); wall time would count a busy CI machine. */
    static final Duration PER_INPUT = Duration.ofSeconds(1);

    /** Wall time after which an input counts as a hang. */
    static final Duration HANG = Duration.ofSeconds(20);

    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Runs each input, so that a hang is reported rather than waited for (threads are reused). */
    static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "window-validation-fuzz");
        t.setDaemon(true);
        return t;
    });

    static final int PREVIEWED = 12;
    static final Set<String> FIELDS = Set.of("title", "region", "timeZone", "start", "end", "recurrence");

    static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    static final Region NORRBOTTEN = region();

    static {
        // Loading iCal4j, the zone rules and the validator is not the input's time.
        check(new WindowRequest(
                "FU-stopp",
                null,
                "norrbotten",
                List.of("cosmic"),
                "Europe/Stockholm",
                LocalDateTime.of(2027, 1, 20, 17, 0),
                LocalDateTime.of(2027, 1, 20, 23, 0),
                "FREQ=MONTHLY;BYDAY=3WE",
                null));
    }

    static final List<String> ZONES = List.of(
            "Europe/Stockholm",
            "UTC",
            "America/St_Johns",
            "Asia/Kathmandu",
            "Pacific/Kiritimati",
            "Mars/Olympus",
            "../../etc/passwd",
            "",
            "Europe/stockholm",
            "GMT+1",
            "+01:00",
            "W. Europe Standard Time");
    static final List<String> FREQUENCIES =
            List.of("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "FORTNIGHTLY", "");
    static final List<String> PARTS = List.of(
            "INTERVAL",
            "COUNT",
            "UNTIL",
            "BYDAY",
            "BYMONTHDAY",
            "BYMONTH",
            "BYSETPOS",
            "BYWEEKNO",
            "BYYEARDAY",
            "WKST",
            "BYHOUR",
            "BYMINUTE",
            "BYSECOND",
            "X-NAME");
    static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU", "XX");

    @FuzzTest(maxDuration = "15s")
    void validationRefusesOnlyByNamingAFieldAndAcceptedWindowsExpandBounded(FuzzedDataProvider data) throws Throwable {
        WindowRequest request = request(data);
        Future<Duration> run = WORKER.submit(() -> check(request));
        Duration cpu;
        try {
            cpu = run.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + HANG + " for " + request);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
        assertTrue(cpu.compareTo(PER_INPUT) < 0, "took " + cpu + " of CPU for " + request);
    }

    /** Checks one request as the service would; returns the CPU time it took (contention does not count). */
    static Duration check(WindowRequest request) {
        long began = CPU.getCurrentThreadCpuTime();
        if (VALIDATOR.validate(request).isEmpty()) {
            try {
                assertAcceptedAndBounded(WindowDefinition.of(request, NORRBOTTEN, HORIZON));
            } catch (InvalidFieldException e) {
                assertFalse(e.errors().isEmpty());
                e.errors()
                        .forEach(error -> assertTrue(
                                FIELDS.contains(error.field()) || error.field().startsWith("systems["),
                                "names a field of the request: " + error.field()));
            }
        } // else refused by Bean Validation: the kit names the field in a 400
        return Duration.ofNanos(CPU.getCurrentThreadCpuTime() - began);
    }

    private static void assertAcceptedAndBounded(WindowDefinition d) {
        assertFalse(d.start().toLocalDate().isBefore(HORIZON.earliest()), "start before the horizon");
        assertFalse(d.start().toLocalDate().isAfter(HORIZON.latest()), "start after the horizon");
        assertTrue(d.end().isAfter(d.start()) && !d.end().isAfter(d.start().plus(WindowDefinition.MAX_DURATION)));

        List<Occurrence> preview = d.next(TODAY, PREVIEWED);
        assertTrue(preview.size() <= PREVIEWED, "preview of " + preview.size());

        // As every consumer reads the published window: the widest range GET /api/occurrences allows.
        MaintenanceWindow window = MaintenanceWindow.schedule(d, NOW);
        Instant from = HORIZON.latest().minusYears(10).atStartOfDay(d.zone()).toInstant();
        Instant to = HORIZON.latest().atStartOfDay(d.zone()).toInstant();
        List<WindowSchedule.Occurrence> occurrences =
                WindowSchedule.overlapping(WindowEvents.snapshot(window), from, to);
        assertTrue(occurrences.size() <= 5000, "expanded " + occurrences.size());

        // The aggregate's own expansions: find and cancel the first occurrence, then end the series at
        // the horizon's last day (which expands every occurrence before it).
        window.cancelOccurrence(d.start().toLocalDate(), "fuzz", NOW);
        LocalDateTime last = HORIZON.latest().atTime(17, 0);
        WindowDefinition oneOff =
                new WindowDefinition("Sista", null, d.region(), d.systems(), d.zone(), last, last.plusHours(1), null);
        window.changeFrom(HORIZON.latest(), oneOff, NOW);
    }

    /** A request from the fuzzer: mostly rules built of real and hostile parts, sometimes raw text. */
    static WindowRequest request(FuzzedDataProvider data) {
        String zone = data.consumeBoolean() ? data.pickValue(ZONES) : data.consumeString(40);
        LocalDateTime start = dateTime(data);
        LocalDateTime end = start.plusMinutes(data.consumeLong(-60L * 24, 60L * 24 * 20));
        String recurrence = data.consumeBoolean() ? rule(data) : data.consumeString(120);
        String title = data.consumeString(220);
        List<String> systems = data.consumeBoolean() ? List.of("cosmic") : List.of("cosmic", data.consumeString(20));
        return new WindowRequest(title, null, "norrbotten", systems, zone, start, end, recurrence, null);
    }

    private static LocalDateTime dateTime(FuzzedDataProvider data) {
        int year =
                switch (data.consumeInt(0, 3)) {
                    case 0 -> data.consumeInt(1995, 2040);
                    case 1 -> data.consumeInt(-999_999_000, 999_999_000);
                    case 2 -> data.pickValue(new Integer[] {1, 9999, 2000, 2036, 2037, 1999});
                    default -> data.consumeInt(2026, 2037);
                };
        LocalDate day = LocalDate.of(year, data.consumeInt(1, 12), data.consumeInt(1, 28));
        return day.atTime(LocalTime.of(data.consumeInt(0, 23), data.pickValue(new Integer[] {0, 15, 30, 59})));
    }

    private static String rule(FuzzedDataProvider data) {
        List<String> parts = new ArrayList<>();
        parts.add("FREQ=" + data.pickValue(FREQUENCIES));
        int count = data.consumeInt(0, 5);
        for (int i = 0; i < count; i++) {
            String name = data.pickValue(PARTS);
            parts.add(name + "=" + value(name, data));
        }
        if (data.consumeBoolean()) {
            java.util.Collections.shuffle(parts, new java.util.Random(data.consumeLong()));
        }
        return String.join(";", parts);
    }

    private static String value(String name, FuzzedDataProvider data) {
        return switch (name) {
            case "INTERVAL", "COUNT" ->
                String.valueOf(data.consumeBoolean() ? data.consumeInt(-2, 20) : data.consumeLong());
            case "UNTIL" ->
                data.pickValue(new String[] {
                            "99991231", "00010101", "20271231T220000Z", "20271231", "+1000000001", "20270230", "2027"
                        })
                        + (data.consumeBoolean() ? "" : data.consumeString(4));
            case "BYDAY" ->
                list(
                        data,
                        () -> (data.consumeBoolean() ? String.valueOf(data.consumeInt(-60, 60)) : "")
                                + data.pickValue(DAYS));
            case "WKST" -> data.pickValue(DAYS);
            default -> list(data, () -> String.valueOf(data.consumeInt(-400, 400)));
        };
    }

    private static String list(FuzzedDataProvider data, java.util.function.Supplier<String> element) {
        int n = data.consumeBoolean() ? data.consumeInt(1, 4) : data.consumeInt(1, 300);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(element.get());
        }
        return String.join(",", values);
    }

    private static Region region() {
        Region region = new Region();
        region.code = "norrbotten";
        region.name = "Region Norrbotten";
        region.timeZone = "Europe/Stockholm";
        RegionSystem cosmic = new RegionSystem();
        cosmic.region = region;
        cosmic.code = "cosmic";
        cosmic.name = "Cosmic";
        region.systems.add(cosmic);
        return region;
    }
}
