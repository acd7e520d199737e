package se.driftinfo.maintenance.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.contracts.maintenance.WindowSchedule;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * Hostile windows, checked as the service checks them (Bean Validation, then {@link WindowDefinition#of}
 * with the planning horizon): RRULE bombs, dates in year 9999 or 0001, unknown zones, zero, negative and
 * overlapping durations. Each is refused naming its field, quickly; the few that are accepted (a rule
 * that never ends, or ends in year 9999) expand only as far as asked. Before the horizon and the rule
 * bounds, INTERVAL=0, COUNT=0 (endless) and starts in 0001 or 9999 were accepted.
 */
class WindowValidationTest {

    static final LocalDateTime START = LocalDateTime.of(2027, 1, 20, 17, 0);
    static final LocalDateTime END = LocalDateTime.of(2027, 1, 20, 23, 0);
    static final Duration QUICKLY = Duration.ofSeconds(5);

    static WindowRequest request(String zone, LocalDateTime start, LocalDateTime end, String rule) {
        return new WindowRequest("FU-stopp", null, "norrbotten", List.of("cosmic"), zone, start, end, rule, null);
    }

    static WindowRequest rule(String rule) {
        return request("Europe/Stockholm", START, END, rule);
    }

    static WindowRequest at(LocalDateTime start) {
        return request("Europe/Stockholm", start, start.plusHours(6), null);
    }

    static Stream<Arguments> refused() {
        String tenThousand = String.join(",", Collections.nCopies(10_000, "1"));
        return Stream.of(
                Arguments.of("FREQ=SECONDLY", rule("FREQ=SECONDLY"), "recurrence"),
                Arguments.of("FREQ=MINUTELY", rule("FREQ=MINUTELY"), "recurrence"),
                Arguments.of("FREQ=HOURLY", rule("FREQ=HOURLY"), "recurrence"),
                Arguments.of("COUNT=1000000000", rule("FREQ=DAILY;COUNT=1000000000"), "recurrence"),
                Arguments.of("COUNT=0 (endless to iCal4j)", rule("FREQ=DAILY;COUNT=0"), "recurrence"),
                Arguments.of("COUNT=-5", rule("FREQ=DAILY;COUNT=-5"), "recurrence"),
                Arguments.of("COUNT beyond an int", rule("FREQ=DAILY;COUNT=99999999999"), "recurrence"),
                Arguments.of("INTERVAL=0", rule("FREQ=DAILY;INTERVAL=0"), "recurrence"),
                // RFC 5545 leaves these undefined; iCal4j's occurrences then depend on the range asked.
                Arguments.of(
                        "MONTHLY with BYWEEKNO (found by the fuzzer)",
                        request(
                                "UTC",
                                LocalDateTime.of(2033, 2, 10, 5, 30),
                                LocalDateTime.of(2033, 2, 18, 5, 29),
                                "FREQ=MONTHLY;BYMONTH=6,6;BYWEEKNO=6,6"),
                        "recurrence"),
                Arguments.of("WEEKLY with BYYEARDAY", rule("FREQ=WEEKLY;BYYEARDAY=20"), "recurrence"),
                Arguments.of("WEEKLY with BYMONTHDAY", rule("FREQ=WEEKLY;BYMONTHDAY=20"), "recurrence"),
                Arguments.of("WEEKLY with a numbered BYDAY", rule("FREQ=WEEKLY;BYDAY=3WE"), "recurrence"),
                Arguments.of("INTERVAL=-1", rule("FREQ=DAILY;INTERVAL=-1"), "recurrence"),
                Arguments.of("INTERVAL=2147483647", rule("FREQ=YEARLY;INTERVAL=2147483647"), "recurrence"),
                Arguments.of("INTERVAL beyond an int", rule("FREQ=DAILY;INTERVAL=99999999999"), "recurrence"),
                Arguments.of(
                        "BYSETPOS of 10k entries", rule("FREQ=MONTHLY;BYDAY=WE;BYSETPOS=" + tenThousand), "recurrence"),
                Arguments.of("BYMONTHDAY of 10k entries", rule("FREQ=MONTHLY;BYMONTHDAY=" + tenThousand), "recurrence"),
                Arguments.of("yields nothing: 30 February", rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), "recurrence"),
                Arguments.of("yields nothing: ninth Wednesday", rule("FREQ=MONTHLY;BYDAY=9WE"), "recurrence"),
                Arguments.of("yields nothing: UNTIL before start", rule("FREQ=DAILY;UNTIL=00010101"), "recurrence"),
                Arguments.of("UNTIL not a date", rule("FREQ=DAILY;UNTIL=+1000000001"), "recurrence"),
                Arguments.of("COUNT and UNTIL", rule("FREQ=DAILY;COUNT=3;UNTIL=20270301"), "recurrence"),
                Arguments.of("not a rule", rule("every third wednesday"), "recurrence"),
                Arguments.of("start in 9999", at(LocalDateTime.of(9999, 12, 31, 17, 0)), "start"),
                Arguments.of("start in 0001", at(LocalDateTime.of(1, 1, 1, 17, 0)), "start"),
                Arguments.of("start in 1999", at(LocalDateTime.of(1999, 12, 31, 17, 0)), "start"),
                Arguments.of("start at the end of time", at(LocalDateTime.of(999_999_999, 1, 1, 0, 0)), "start"),
                Arguments.of("zone Mars/Olympus", request("Mars/Olympus", START, END, null), "timeZone"),
                Arguments.of("zone ../../etc/passwd", request("../../etc/passwd", START, END, null), "timeZone"),
                Arguments.of("zone empty", request("", START, END, null), "timeZone"),
                Arguments.of("zone a Windows name", request("W. Europe Standard Time", START, END, null), "timeZone"),
                Arguments.of("zone lower-case", request("europe/stockholm", START, END, null), "timeZone"),
                Arguments.of("duration zero", request("Europe/Stockholm", START, START, null), "end"),
                Arguments.of("duration negative", request("Europe/Stockholm", START, START.minusHours(1), null), "end"),
                Arguments.of(
                        "end in 0001",
                        request("Europe/Stockholm", START, LocalDateTime.of(1, 1, 1, 0, 0), null),
                        "end"),
                Arguments.of(
                        "longer than 14 days", request("Europe/Stockholm", START, START.plusDays(15), null), "end"),
                Arguments.of(
                        "end in 9999",
                        request("Europe/Stockholm", START, LocalDateTime.of(9999, 1, 1, 0, 0), null),
                        "end"),
                Arguments.of(
                        "longer than the interval",
                        request("Europe/Stockholm", START, START.plusHours(25), "FREQ=DAILY"),
                        "recurrence"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedNamingItsFieldQuickly(String name, WindowRequest request, String field) {
        Set<String> named = assertTimeoutPreemptively(QUICKLY, () -> refusals(request));
        assertTrue(named.contains(field), name + ": refused naming " + named + ", not " + field);
    }

    @Test
    void aRuleEndingInYear9999OrNeverExpandsOnlyAsFarAsAsked() {
        for (String endless : List.of("FREQ=DAILY;UNTIL=99991231", "FREQ=DAILY", "FREQ=DAILY;COUNT=10000")) {
            WindowRequest daily = request("Europe/Stockholm", START, START.plusHours(1), endless);
            assertEquals(Set.of(), refusals(daily), endless);
            WindowDefinition d = assertTimeoutPreemptively(
                    QUICKLY, () -> WindowDefinition.of(daily, WindowValidationFuzzTest.NORRBOTTEN, horizon()));
            assertEquals(12, d.next(LocalDate.of(2026, 12, 1), 12).size());
            MaintenanceWindow window = MaintenanceWindow.schedule(d, Instant.now());
            List<WindowSchedule.Occurrence> tenYears = assertTimeoutPreemptively(
                    QUICKLY,
                    () -> WindowSchedule.overlapping(
                            WindowEvents.snapshot(window),
                            Instant.parse("2027-01-01T00:00:00Z"),
                            Instant.parse("2036-12-01T00:00:00Z")));
            assertTrue(tenYears.size() <= 5000, endless + ": " + tenYears.size());
        }
    }

    @Test
    void theHorizonRunsFromTheEarliestDateToTenYearsAhead() {
        PlanningHorizon h = horizon();
        h.check("start", LocalDate.of(2000, 1, 1));
        h.check("start", LocalDate.of(2036, 12, 1));
        InvalidFieldException late = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidFieldException.class, () -> h.check("to", LocalDate.of(2036, 12, 2)));
        assertEquals("to", late.errors().get(0).field());
        assertEquals(
                "must lie between 2000-01-01 and 2036-12-01 (got 2036-12-02)",
                late.errors().get(0).reason());
    }

    /** The fields a request is refused for, by Bean Validation and else by the domain; empty if accepted. */
    static Set<String> refusals(WindowRequest request) {
        Set<String> fields = new TreeSet<>();
        WindowValidationFuzzTest.VALIDATOR
                .validate(request)
                .forEach(v -> fields.add(v.getPropertyPath().toString()));
        if (!fields.isEmpty()) {
            return fields;
        }
        try {
            WindowDefinition.of(request, WindowValidationFuzzTest.NORRBOTTEN, horizon());
        } catch (InvalidFieldException e) {
            e.errors().forEach(error -> fields.add(error.field()));
            assertFalse(fields.isEmpty());
        } catch (RuntimeException e) {
            fail("refused with " + e + " instead of naming a field");
        }
        return fields;
    }

    static PlanningHorizon horizon() {
        return WindowValidationFuzzTest.HORIZON;
    }
}
