package se.driftinfo.notifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.driftinfo.notifier.web.MonthCalendar.Day;
import se.driftinfo.notifier.web.MonthCalendar.Entry;
import se.driftinfo.notifier.web.MonthCalendar.Piece;
import se.driftinfo.notifier.web.MonthCalendar.Span;
import se.driftinfo.notifier.web.MonthCalendar.Week;

class MonthCalendarTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void weeksRunMondayToSundayWithIsoWeekNumbersAndOnlyTheMonthsDaysCarryEntries() {
        // March 2026 starts on a Sunday and ends on a Tuesday: six rows.
        YearMonth march = YearMonth.of(2026, 3);
        Entry entry = new Entry("17:00–23:00", "FU-stopp", "Cosmic", null, false, false, false, false);
        LocalDate today = LocalDate.of(2026, 3, 18);
        List<Week> weeks = MonthCalendar.weeks(
                march,
                today,
                Map.of(LocalDate.of(2026, 3, 18), List.of(entry), LocalDate.of(2026, 3, 31), List.of(entry)));

        assertEquals(6, weeks.size());
        assertEquals(
                List.of(9, 10, 11, 12, 13, 14), weeks.stream().map(Week::number).toList());
        for (Week week : weeks) {
            assertEquals(7, week.days().size());
            assertEquals(DayOfWeek.MONDAY, week.days().get(0).date().getDayOfWeek());
        }
        assertEquals(LocalDate.of(2026, 2, 23), weeks.get(0).days().get(0).date());
        assertFalse(weeks.get(0).days().get(0).inMonth());
        assertEquals(LocalDate.of(2026, 3, 1), weeks.get(0).days().get(6).date());
        assertTrue(weeks.get(0).days().get(6).inMonth());
        assertEquals(LocalDate.of(2026, 4, 5), weeks.get(5).days().get(6).date());
        List<Day> all = weeks.stream().flatMap(w -> w.days().stream()).toList();
        assertEquals(31, all.stream().filter(Day::inMonth).count());
        assertEquals(
                List.of(LocalDate.of(2026, 3, 18)),
                all.stream().filter(Day::today).map(Day::date).toList());
        assertEquals(
                List.of(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 31)),
                all.stream().filter(d -> !d.entries().isEmpty()).map(Day::date).toList());
    }

    @Test
    void aMonthStartingOnMondayHasNoDaysOfTheMonthBefore() {
        List<Week> february = MonthCalendar.weeks(YearMonth.of(2027, 2), LocalDate.of(2026, 1, 1), Map.of());
        assertEquals(4, february.size());
        assertTrue(february.stream().flatMap(w -> w.days().stream()).allMatch(Day::inMonth));
        assertEquals(
                53,
                MonthCalendar.weeks(YearMonth.of(2026, 12), LocalDate.of(2026, 1, 1), Map.of())
                        .get(4)
                        .number());
    }

    @Test
    void aWindowOverAWeekendShowsOnEachDayItCoversInStockholmTime() {
        YearMonth may = YearMonth.of(2027, 5);
        // Friday 22:00 to Monday 06:00, planned in London: 23:00 to 07:00 in Stockholm.
        ZoneId london = ZoneId.of("Europe/London");
        List<Piece> pieces = MonthCalendar.pieces(
                LocalDateTime.of(2027, 5, 7, 22, 0).atZone(london),
                LocalDateTime.of(2027, 5, 10, 6, 0).atZone(london),
                may);
        assertEquals(
                List.of(
                        new Piece(LocalDate.of(2027, 5, 7), Span.STARTS),
                        new Piece(LocalDate.of(2027, 5, 8), Span.CONTINUES),
                        new Piece(LocalDate.of(2027, 5, 9), Span.CONTINUES),
                        new Piece(LocalDate.of(2027, 5, 10), Span.ENDS)),
                pieces);
        // Only the month's own days.
        assertEquals(
                List.of(new Piece(LocalDate.of(2027, 5, 1), Span.ENDS)),
                MonthCalendar.pieces(
                        LocalDateTime.of(2027, 4, 30, 22, 0).atZone(STOCKHOLM),
                        LocalDateTime.of(2027, 5, 1, 2, 0).atZone(STOCKHOLM),
                        may));
    }

    @Test
    void anIntervalEndingAtMidnightDoesNotReachTheNextDay() {
        YearMonth may = YearMonth.of(2027, 5);
        assertEquals(
                List.of(new Piece(LocalDate.of(2027, 5, 7), Span.WITHIN)),
                MonthCalendar.pieces(
                        LocalDateTime.of(2027, 5, 7, 22, 0).atZone(STOCKHOLM),
                        LocalDateTime.of(2027, 5, 8, 0, 0).atZone(STOCKHOLM),
                        may));
        assertEquals(
                List.of(
                        new Piece(LocalDate.of(2027, 5, 7), Span.STARTS),
                        new Piece(LocalDate.of(2027, 5, 8), Span.CONTINUES)),
                MonthCalendar.pieces(
                        LocalDateTime.of(2027, 5, 7, 22, 0).atZone(STOCKHOLM),
                        LocalDateTime.of(2027, 5, 9, 0, 0).atZone(STOCKHOLM),
                        may));
    }
}
