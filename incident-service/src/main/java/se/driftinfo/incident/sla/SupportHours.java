package se.driftinfo.incident.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a region's helpdesk answers, and how support time adds up: SLA clocks run only inside these
 * hours. Closed regions answer {@code opens}–{@code closes} local time on weekdays that are not
 * Swedish holidays; always-open regions count every hour.
 */
public record SupportHours(ZoneId zone, boolean alwaysOpen, LocalTime opens, LocalTime closes) {

    /** A safety stop: no real calendar needs more than a few weeks to fit an SLA target. */
    private static final int MAX_DAYS = 3660;

    public SupportHours {
        if (!alwaysOpen && (opens == null || closes == null || !opens.isBefore(closes))) {
            throw new IllegalArgumentException("Support hours need opens before closes");
        }
    }

    public static SupportHours allHours(ZoneId zone) {
        return new SupportHours(zone, true, null, null);
    }

    public static SupportHours daily(ZoneId zone, LocalTime opens, LocalTime closes) {
        return new SupportHours(zone, false, opens, closes);
    }

    public boolean isSupportDay(LocalDate date) {
        return alwaysOpen
                || date.getDayOfWeek() != DayOfWeek.SATURDAY
                        && date.getDayOfWeek() != DayOfWeek.SUNDAY
                        && !SwedishHolidays.isHoliday(date);
    }

    /** The moment {@code supportTime} of support hours after {@code from} has passed. */
    public Instant addSupportTime(Instant from, Duration supportTime) {
        if (supportTime.isNegative()) {
            throw new IllegalArgumentException("Support time cannot be negative");
        }
        if (alwaysOpen) {
            return from.plus(supportTime);
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        Duration remaining = supportTime;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            if (isSupportDay(day)) {
                LocalDateTime open = day.atTime(opens);
                LocalDateTime close = day.atTime(closes);
                LocalDateTime start = cursor.isBefore(open) ? open : cursor;
                if (start.isBefore(close)) {
                    Duration available = Duration.between(start, close);
                    if (remaining.compareTo(available) <= 0) {
                        return start.plus(remaining).atZone(zone).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("Support time does not fit in ten years of support hours");
    }

    /** How much support time passes between two moments: what a paused SLA clock did not count. */
    public Duration supportTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        while (cursor.isBefore(end)) {
            LocalDate day = cursor.toLocalDate();
            if (isSupportDay(day)) {
                LocalDateTime open = day.atTime(opens);
                LocalDateTime close = day.atTime(closes);
                LocalDateTime start = cursor.isBefore(open) ? open : cursor;
                LocalDateTime stop = end.isBefore(close) ? end : close;
                if (start.isBefore(stop)) {
                    total = total.plus(Duration.between(start, stop));
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
        }
        return total;
    }
}
