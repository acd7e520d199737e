package se.driftinfo.contracts.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recurrence maths, checked against dates computed without iCal4j. */
class RecurrenceRuleTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final LocalDateTime FIRST = LocalDateTime.of(2027, 1, 20, 17, 0);

    @Test
    void thirdWednesdayForTwentyFourMonthsMatchesIndependentlyComputedDates() {
        RecurrenceRule fuStopp = RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE", STOCKHOLM);
        List<LocalDateTime> starts = fuStopp.starts(FIRST, FIRST, LocalDateTime.of(2029, 1, 1, 0, 0), 1000);
        List<LocalDateTime> expected = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            LocalDate month = LocalDate.of(2027, 1, 1).plusMonths(m);
            expected.add(month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY))
                    .atTime(17, 0));
        }
        assertEquals(expected, starts);
    }

    @Test
    void wallClockStaysAtFiveAcrossBothDstChangesWhileTheUtcOffsetMoves() {
        RecurrenceRule fuStopp = RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE", STOCKHOLM);
        List<LocalDateTime> starts = fuStopp.starts(FIRST, FIRST, LocalDateTime.of(2027, 12, 31, 0, 0), 100);
        // 17 March 2027 is before the switch to summer time (28 March), 21 April after; 20 October before
        // the switch back (31 October), 17 November after.
        assertEquals(
                "2027-03-17T17:00+01:00",
                starts.get(2).atZone(STOCKHOLM).toOffsetDateTime().toString());
        assertEquals(
                "2027-04-21T17:00+02:00",
                starts.get(3).atZone(STOCKHOLM).toOffsetDateTime().toString());
        assertEquals(
                "2027-10-20T17:00+02:00",
                starts.get(9).atZone(STOCKHOLM).toOffsetDateTime().toString());
        assertEquals(
                "2027-11-17T17:00+01:00",
                starts.get(10).atZone(STOCKHOLM).toOffsetDateTime().toString());
    }

    @Test
    void countLimitsTheSeries() {
        RecurrenceRule three = RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE;COUNT=3", STOCKHOLM);
        assertEquals(3, three.starts(FIRST, FIRST, FIRST.plusYears(5), 1000).size());
        // COUNT counts from DTSTART, not from the start of the asked range.
        assertEquals(
                List.of(LocalDateTime.of(2027, 3, 17, 17, 0)),
                three.starts(FIRST, FIRST.plusMonths(1), FIRST.plusYears(5), 1000));
    }

    @Test
    void untilInUtcIsInclusiveAndComparedInTheWindowsZone() {
        // 2027-06-16 17:00 in Stockholm is 15:00 UTC.
        RecurrenceRule r = RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270616T150000Z", STOCKHOLM);
        List<LocalDateTime> starts = r.starts(FIRST, FIRST, FIRST.plusYears(2), 1000);
        assertEquals(6, starts.size());
        assertEquals(LocalDateTime.of(2027, 6, 16, 17, 0), starts.get(5));
    }

    @Test
    void dateOnlyUntilIsNormalisedToUtc() {
        RecurrenceRule r = RecurrenceRule.parse("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270301", STOCKHOLM);
        assertEquals("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270301T225959Z", r.rule());
    }

    @Test
    void endingAtCutsTheSeriesAfterAGivenOccurrence() {
        RecurrenceRule r = RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE;COUNT=40", STOCKHOLM)
                .endingAt(LocalDateTime.of(2027, 4, 21, 17, 0), STOCKHOLM);
        assertEquals("FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270421T150000Z", r.rule());
        assertEquals(4, r.starts(FIRST, FIRST, FIRST.plusYears(3), 100).size());
    }

    @Test
    void badRulesAreRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecurrenceRule.parse("BYDAY=3WE", STOCKHOLM))
                .getMessage()
                .contains("FREQ is required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecurrenceRule.parse("FREQ=MINUTELY", STOCKHOLM))
                .getMessage()
                .contains("FREQ must be one of"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3XX", STOCKHOLM))
                .getMessage()
                .contains("not a valid RFC 5545 rule"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> RecurrenceRule.parse("FREQ=MONTHLY;FOO=1", STOCKHOLM))
                .getMessage()
                .contains("'FOO' is not supported"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RecurrenceRule.parse("FREQ=DAILY;COUNT=2;UNTIL=20270101", STOCKHOLM))
                .getMessage()
                .contains("COUNT and UNTIL"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> RecurrenceRule.parse("FREQ=DAILY;UNTIL=soon", STOCKHOLM))
                .getMessage()
                .contains("UNTIL 'SOON'"));
    }
}
