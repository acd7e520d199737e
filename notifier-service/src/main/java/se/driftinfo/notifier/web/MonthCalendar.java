package se.driftinfo.notifier.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grid of the /driftinfo month view: Swedish weeks (Monday first, ISO week numbers, as Swedish
 * wall calendars print them), days in Europe/Stockholm. Days of the neighbouring months fill the first
 * and last week but carry nothing: their entries are shown in their own month.
 */
public final class MonthCalendar {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** How an interval covers one day. */
    public enum Span {
        /** Starts and ends that day. */
        WITHIN,
        /** Starts that day, ends on a later one. */
        STARTS,
        /** Started before and ends after that day: the whole day. */
        CONTINUES,
        /** Started before, ends that day. */
        ENDS
    }

    /** One day an interval touches. */
    public record Piece(LocalDate day, Span span) {}

    /**
     * One line in a day.
     *
     * @param time when, in Stockholm time and the reader's words ("17:00–23:00", "från 22:00", …)
     * @param region the region's name when the page shows every region; null when filtered to one
     * @param outage an active outage rather than a maintenance occurrence
     */
    public record Entry(
            String time,
            String title,
            String systems,
            String region,
            boolean cancelled,
            boolean moved,
            boolean outage,
            boolean down) {}

    /** One cell; {@code inMonth} false for the neighbouring months' days that fill a week. */
    public record Day(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {

        public int dayOfMonth() {
            return date.getDayOfMonth();
        }

        /** The cell's id and the {@code <time datetime>}: ISO date. */
        public String iso() {
            return date.toString();
        }
    }

    /** One row: ISO week number and Monday to Sunday. */
    public record Week(int number, List<Day> days) {}

    private MonthCalendar() {}

    /** The weeks that hold the month's days, each Monday to Sunday. */
    public static List<Week> weeks(YearMonth month, LocalDate today, Map<LocalDate, List<Entry>> entries) {
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!monday.isAfter(month.atEndOfMonth())) {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                boolean inMonth = YearMonth.from(date).equals(month);
                days.add(new Day(
                        date,
                        inMonth,
                        date.equals(today),
                        inMonth ? entries.getOrDefault(date, List.of()) : List.of()));
            }
            weeks.add(new Week(monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), days));
            monday = monday.plusWeeks(1);
        }
        return weeks;
    }

    /**
     * The days of {@code month} that [{@code start}, {@code end}) touches in Stockholm, each with how
     * it is covered. An interval that ends at midnight does not touch the day that midnight begins, and
     * covers the day before it whole.
     */
    public static List<Piece> pieces(ZonedDateTime start, ZonedDateTime end, YearMonth month) {
        LocalDate first = start.withZoneSameInstant(STOCKHOLM).toLocalDate();
        ZonedDateTime localEnd = end.withZoneSameInstant(STOCKHOLM);
        LocalDate last = localEnd.toLocalDate();
        boolean endsAtMidnight = last.isAfter(first) && localEnd.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (endsAtMidnight) {
            last = last.minusDays(1);
        }
        List<Piece> pieces = new ArrayList<>();
        LocalDate from = first.isBefore(month.atDay(1)) ? month.atDay(1) : first;
        LocalDate to = last.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : last;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Span span;
            if (day.equals(first)) {
                span = day.equals(last) ? Span.WITHIN : Span.STARTS;
            } else {
                span = day.equals(last) && !endsAtMidnight ? Span.ENDS : Span.CONTINUES;
            }
            pieces.add(new Piece(day, span));
        }
        return pieces;
    }
}
