package se.driftinfo.incident.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.incident.maintenance.WindowOccurrences.Occurrence;

class WindowOccurrencesTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** Third Wednesday, 17:00–23:00 Stockholm time, as in the contract's sample. */
    private static WindowV1 thirdWednesday(List<OccurrenceExceptionV1> exceptions) {
        return new WindowV1(UUID.randomUUID(), 0, "FU-stopp", null, "norrbotten", List.of("cosmic"),
                "Europe/Stockholm", LocalDateTime.parse("2027-01-20T17:00"), LocalDateTime.parse("2027-01-20T23:00"),
                "FREQ=MONTHLY;BYDAY=3WE", "SCHEDULED", exceptions, null, Instant.parse("2026-12-01T09:30:00Z"));
    }

    @Test
    void occurrencesKeepTheirLocalTimeAcrossDaylightSaving() {
        List<Occurrence> found = WindowOccurrences.overlapping(thirdWednesday(List.of()),
                Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-05-01T00:00:00Z"));
        assertEquals(List.of(
                new Occurrence(local("2027-02-17T17:00"), local("2027-02-17T23:00")),
                new Occurrence(local("2027-03-17T17:00"), local("2027-03-17T23:00")),
                new Occurrence(local("2027-04-21T17:00"), local("2027-04-21T23:00"))), found);
        assertEquals(Instant.parse("2027-04-21T15:00:00Z"), found.get(2).start()); // CEST
        assertEquals(Instant.parse("2027-02-17T16:00:00Z"), found.get(0).start()); // CET
    }

    @Test
    void cancelledOccurrencesAreGoneAndMovedOnesCountAtTheirNewTime() {
        WindowV1 window = thirdWednesday(List.of(
                new OccurrenceExceptionV1(LocalDateTime.parse("2027-02-17T17:00"), "CANCELLED", null, null, "Semester", 1),
                new OccurrenceExceptionV1(LocalDateTime.parse("2027-03-17T17:00"), "MOVED",
                        LocalDateTime.parse("2027-03-24T18:00"), LocalDateTime.parse("2027-03-24T22:00"), null, 2)));
        List<Occurrence> found = WindowOccurrences.overlapping(window, Instant.parse("2027-02-01T00:00:00Z"),
                Instant.parse("2027-04-01T00:00:00Z"));
        assertEquals(List.of(new Occurrence(local("2027-03-24T18:00"), local("2027-03-24T22:00"))), found);
    }

    @Test
    void anOccurrenceThatIsRunningOverlapsAMomentInsideIt() {
        Instant duringMarch = local("2027-03-17T20:00");
        List<Occurrence> found = WindowOccurrences.overlapping(thirdWednesday(List.of()), duringMarch,
                duringMarch.plusSeconds(1));
        assertEquals(1, found.size());
        assertEquals(local("2027-03-17T23:00"), found.get(0).end());
        assertTrue(WindowOccurrences.overlapping(thirdWednesday(List.of()), local("2027-03-17T23:00"),
                local("2027-03-18T10:00")).isEmpty());
    }

    @Test
    void aOneOffWindowHasOneOccurrenceAndACancelledSeriesNone() {
        WindowV1 oneOff = new WindowV1(UUID.randomUUID(), 0, "Byte av server", null, "norrbotten", List.of("cosmic"),
                "Europe/Stockholm", LocalDateTime.parse("2027-05-04T18:00"), LocalDateTime.parse("2027-05-04T20:00"),
                null, "SCHEDULED", List.of(), null, Instant.EPOCH);
        assertEquals(1, WindowOccurrences.overlapping(oneOff, local("2027-05-04T19:00"), local("2027-05-04T19:01")).size());
        WindowV1 cancelled = new WindowV1(oneOff.id(), 1, oneOff.title(), null, "norrbotten", List.of("cosmic"),
                "Europe/Stockholm", oneOff.start(), oneOff.end(), null, "CANCELLED", List.of(), null, Instant.EPOCH);
        assertTrue(WindowOccurrences.overlapping(cancelled, local("2027-05-04T19:00"), local("2027-05-04T19:01")).isEmpty());
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(STOCKHOLM).toInstant();
    }
}
