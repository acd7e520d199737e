package se.driftinfo.notifier.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

class OccurrencesTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final LocalDateTime FIRST = LocalDateTime.of(2027, 1, 20, 17, 0);

    @Test
    void thirdWednesdayStaysAt17LocalAcrossDaylightSaving() {
        List<Occurrence> all = Occurrences.between(window(List.of(), "SCHEDULED"), at(2027, 1, 1), at(2028, 1, 1));
        assertEquals(12, all.size());
        assertTrue(all.stream().allMatch(o -> o.start().toLocalTime().equals(java.time.LocalTime.of(17, 0))));
        assertEquals(Instant.parse("2027-01-20T16:00:00Z"), all.get(0).start().toInstant());
        assertEquals(Instant.parse("2027-07-21T15:00:00Z"), all.get(6).start().toInstant());
        assertEquals(all.get(0).start().plusHours(6), all.get(0).end());
    }

    @Test
    void cancelledOccurrenceIsLeftOutAndMovedOneIsAtItsNewTime() {
        LocalDateTime moved = LocalDateTime.of(2027, 3, 24, 18, 0);
        List<OccurrenceExceptionV1> exceptions = List.of(
                new OccurrenceExceptionV1(LocalDateTime.of(2027, 7, 21, 17, 0), "CANCELLED", null, null, "Semester", 1),
                new OccurrenceExceptionV1(
                        LocalDateTime.of(2027, 3, 17, 17, 0), "MOVED", moved, moved.plusHours(4), null, 2));
        List<Occurrence> all = Occurrences.between(window(exceptions, "SCHEDULED"), at(2027, 1, 1), at(2028, 1, 1));
        assertEquals(11, all.size());
        assertTrue(all.stream().noneMatch(o -> o.originalStart().equals(LocalDateTime.of(2027, 7, 21, 17, 0))));
        Occurrence march = all.get(2);
        assertTrue(march.moved());
        assertEquals(LocalDateTime.of(2027, 3, 17, 17, 0), march.originalStart());
        assertEquals(moved.atZone(STOCKHOLM), march.start());
        assertEquals(moved.plusHours(4).atZone(STOCKHOLM), march.end());
    }

    @Test
    void theCalendarsListKeepsACancelledOccurrenceMarkedWhereItWouldHaveBeen() {
        LocalDateTime moved = LocalDateTime.of(2027, 7, 22, 18, 0);
        List<OccurrenceExceptionV1> exceptions = List.of(
                new OccurrenceExceptionV1(LocalDateTime.of(2027, 6, 16, 17, 0), "CANCELLED", null, null, "Semester", 1),
                new OccurrenceExceptionV1(
                        LocalDateTime.of(2027, 7, 21, 17, 0), "MOVED", moved, moved.plusHours(4), null, 2));
        List<Occurrence> summer =
                Occurrences.overlapping(window(exceptions, "SCHEDULED"), at(2027, 6, 1), at(2027, 8, 1));
        assertEquals(
                List.of(
                        new Occurrence(
                                LocalDateTime.of(2027, 6, 16, 17, 0),
                                LocalDateTime.of(2027, 6, 16, 17, 0).atZone(STOCKHOLM),
                                LocalDateTime.of(2027, 6, 16, 23, 0).atZone(STOCKHOLM),
                                false,
                                true),
                        new Occurrence(
                                LocalDateTime.of(2027, 7, 21, 17, 0),
                                moved.atZone(STOCKHOLM),
                                moved.plusHours(4).atZone(STOCKHOLM),
                                true,
                                false)),
                summer);
        assertEquals(
                1,
                Occurrences.between(window(exceptions, "SCHEDULED"), at(2027, 6, 1), at(2027, 8, 1))
                        .size());
        List<Occurrence> ofCancelledSeries =
                Occurrences.overlapping(window(List.of(), "CANCELLED"), at(2027, 6, 1), at(2027, 7, 1));
        assertEquals(1, ofCancelledSeries.size());
        assertTrue(ofCancelledSeries.get(0).cancelled());
    }

    @Test
    void movedOccurrenceCountsWhereItLandsNotWhereTheRulePutIt() {
        // Moved from 17 March into April: a range of April only still finds it.
        LocalDateTime moved = LocalDateTime.of(2027, 4, 2, 18, 0);
        List<OccurrenceExceptionV1> exceptions = List.of(new OccurrenceExceptionV1(
                LocalDateTime.of(2027, 3, 17, 17, 0), "MOVED", moved, moved.plusHours(4), null, 1));
        List<Occurrence> april = Occurrences.between(window(exceptions, "SCHEDULED"), at(2027, 4, 1), at(2027, 5, 1));
        assertEquals(
                List.of(
                        moved.atZone(STOCKHOLM),
                        LocalDateTime.of(2027, 4, 21, 17, 0).atZone(STOCKHOLM)),
                april.stream().map(Occurrence::start).toList());
    }

    @Test
    void cancelledSeriesHasNoOccurrencesAndOneOffHasOne() {
        assertTrue(Occurrences.between(window(List.of(), "CANCELLED"), at(2027, 1, 1), at(2028, 1, 1))
                .isEmpty());
        WindowV1 oneOff = new WindowV1(
                UUID.randomUUID(),
                0,
                "Byte av server",
                null,
                "dalarna",
                List.of("takecare"),
                "Europe/Stockholm",
                LocalDateTime.of(2027, 5, 5, 6, 0),
                LocalDateTime.of(2027, 5, 5, 8, 0),
                null,
                "SCHEDULED",
                List.of(),
                null,
                Instant.EPOCH);
        assertEquals(
                1, Occurrences.between(oneOff, at(2027, 1, 1), at(2028, 1, 1)).size());
        assertTrue(Occurrences.between(oneOff, at(2027, 6, 1), at(2028, 1, 1)).isEmpty());
    }

    @Test
    void jvmDefaultZoneChangesNeitherOccurrencesNorCalendarBytes() {
        WindowV1 window = window(
                List.of(new OccurrenceExceptionV1(
                        LocalDateTime.of(2027, 7, 21, 17, 0), "CANCELLED", null, null, null, 1)),
                "SCHEDULED");
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            List<Occurrence> inUtc = Occurrences.between(window, at(2027, 1, 1), at(2029, 1, 1));
            String bytesInUtc = calendar(window);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
            assertEquals(inUtc, Occurrences.between(window, at(2027, 1, 1), at(2029, 1, 1)));
            assertEquals(bytesInUtc, calendar(window));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Stockholm"));
            assertEquals(inUtc, Occurrences.between(window, at(2027, 1, 1), at(2029, 1, 1)));
            assertEquals(bytesInUtc, calendar(window));
        } finally {
            java.util.TimeZone.setDefault(original);
        }
    }

    private static String calendar(WindowV1 window) {
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.model.Calendar();
        calendar.add(se.driftinfo.notifier.ical.TimeZones.vtimezone(window.timeZone()));
        for (var event : se.driftinfo.notifier.ical.VEvents.window(window, "uid", "FU-stopp", null, null)) {
            calendar.add(event);
        }
        return se.driftinfo.notifier.ical.CalendarText.write(calendar);
    }

    static WindowV1 window(List<OccurrenceExceptionV1> exceptions, String status) {
        return new WindowV1(
                UUID.randomUUID(),
                0,
                "FU-stopp",
                null,
                "norrbotten",
                List.of("cosmic"),
                "Europe/Stockholm",
                FIRST,
                FIRST.plusHours(6),
                "FREQ=MONTHLY;BYDAY=3WE",
                status,
                exceptions,
                null,
                Instant.EPOCH);
    }

    static ZonedDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 0, 0).atZone(STOCKHOLM);
    }
}
