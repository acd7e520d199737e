package se.driftinfo.contracts.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/** The published sample window (a cancelled and a moved occurrence) read as consumers read it. */
class WindowScheduleTest {

    static WindowV1 sample() throws IOException {
        try (InputStream in =
                WindowScheduleTest.class.getResourceAsStream("/samples/" + EventTypes.OCCURRENCE_MOVED + ".json")) {
            return ((WindowEventV1) EventJson.readData(
                            EventTypes.OCCURRENCE_MOVED, new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .window();
        }
    }

    @Test
    void cancelledOccurrencesAreMarkedAndMovedOnesAppearAtTheirNewTime() throws IOException {
        List<WindowSchedule.Occurrence> year = WindowSchedule.overlapping(
                sample(), Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
        assertEquals(12, year.size());
        WindowSchedule.Occurrence march = year.get(2);
        assertEquals("MOVED", march.status());
        assertEquals(LocalDateTime.of(2027, 3, 17, 17, 0), march.originalStart());
        assertEquals(Instant.parse("2027-03-24T17:00:00Z"), march.startsAt());
        WindowSchedule.Occurrence july = year.get(6);
        assertEquals("CANCELLED", july.status());
        assertEquals("Semesterperiod", july.reason());
        assertEquals(
                11,
                WindowSchedule.active(
                                sample(), Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"))
                        .size());
    }

    @Test
    void anOccurrenceInProgressOverlapsAMomentInsideIt() throws IOException {
        // 2027-01-20 17:00–23:00 Stockholm is 16:00–22:00 UTC.
        Instant during = Instant.parse("2027-01-20T21:59:00Z");
        assertEquals(
                1,
                WindowSchedule.active(sample(), during, during.plusSeconds(1)).size());
        Instant after = Instant.parse("2027-01-20T22:00:00Z");
        assertEquals(
                0, WindowSchedule.active(sample(), after, after.plusSeconds(1)).size());
    }

    @Test
    void untilInUtcEndsTheSeriesForConsumersToo() throws IOException {
        WindowV1 w = sample();
        WindowV1 ended = new WindowV1(
                w.id(),
                w.sequence(),
                w.title(),
                w.description(),
                w.region(),
                w.systems(),
                w.timeZone(),
                w.start(),
                w.end(),
                "FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270217T160000Z",
                w.status(),
                List.of(),
                null,
                w.updatedAt());
        assertEquals(
                2,
                WindowSchedule.overlapping(
                                ended, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2029-01-01T00:00:00Z"))
                        .size());
    }
}
