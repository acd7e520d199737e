package se.driftinfo.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.contracts.maintenance.WindowSchedule;

/**
 * Window expansion as every consumer does it ({@link WindowSchedule#overlapping}): 500 windows over
 * 10 years, the shapes planners use (monthly FU-stopp on the third Wednesday, weekly, every other week,
 * quarterly, daily night jobs), some with cancelled and moved occurrences. One operation expands all 500.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Duser.timezone=UTC")
public class ExpansionBenchmark {

    static final int WINDOWS = 500;

    /** Rule and the local start that is its first occurrence (a series' start must be one). */
    private static final String[][] SHAPES = {
        {"FREQ=MONTHLY;BYDAY=3WE", "2027-01-20T17:00"},
        {"FREQ=WEEKLY;BYDAY=TU", "2027-01-05T22:00"},
        {"FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", "2027-01-02T06:00"},
        {"FREQ=MONTHLY;BYMONTHDAY=1", "2027-01-01T02:00"},
        {"FREQ=MONTHLY;INTERVAL=3;BYDAY=1SU", "2027-01-03T08:00"},
        {"FREQ=YEARLY;BYMONTH=6;BYDAY=-1FR", "2027-06-25T16:00"},
        {"FREQ=DAILY", "2027-01-01T03:00"},
        {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2027-01-29T18:00"},
    };

    private static final String[] ZONES = {"Europe/Stockholm", "Europe/Stockholm", "Europe/Helsinki", "UTC"};

    List<WindowV1> windows;
    Instant from;
    Instant to;

    @Setup
    public void windows() {
        from = LocalDateTime.parse("2027-01-01T00:00").toInstant(ZoneOffset.UTC);
        to = LocalDateTime.parse("2037-01-01T00:00").toInstant(ZoneOffset.UTC);
        windows = new ArrayList<>(WINDOWS);
        for (int i = 0; i < WINDOWS; i++) {
            String[] shape = SHAPES[i % SHAPES.length];
            LocalDateTime start = LocalDateTime.parse(shape[1]);
            List<OccurrenceExceptionV1> exceptions = new ArrayList<>();
            if (i % 5 == 0) {
                // A cancelled and a moved occurrence, as planners make them.
                List<LocalDateTime> first = RecurrenceRule.parse(shape[0], java.time.ZoneId.of("UTC"))
                        .starts(start, start, start.plusYears(5), 3);
                exceptions.add(new OccurrenceExceptionV1(first.get(1), "CANCELLED", null, null, "helg", 1));
                exceptions.add(new OccurrenceExceptionV1(
                        first.get(2), "MOVED", first.get(2).plusHours(2), first.get(2).plusHours(6), "flyttad", 2));
            }
            windows.add(new WindowV1(
                    UUID.nameUUIDFromBytes(("w" + i).getBytes()),
                    exceptions.size(),
                    "FU-stopp " + i,
                    "",
                    "norrbotten",
                    List.of("cosmic"),
                    ZONES[i % ZONES.length],
                    start,
                    start.plusHours(shape[0].startsWith("FREQ=DAILY") ? 1 : 6),
                    shape[0],
                    "SCHEDULED",
                    exceptions,
                    null,
                    Instant.parse("2026-11-01T00:00:00Z")));
        }
    }

    /** All 500 windows' occurrences over the 10 years. */
    @Benchmark
    public void expand500WindowsOver10Years(Blackhole bh) {
        for (WindowV1 w : windows) {
            bh.consume(WindowSchedule.overlapping(w, from, to));
        }
    }

    /** Only parsing the 500 rules: how much of the expansion is parsing. */
    @Benchmark
    public void parse500Rules(Blackhole bh) {
        for (WindowV1 w : windows) {
            bh.consume(RecurrenceRule.parse(w.recurrence(), java.time.ZoneId.of(w.timeZone())));
        }
    }
}
