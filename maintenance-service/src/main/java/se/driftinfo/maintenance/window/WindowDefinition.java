package se.driftinfo.maintenance.window;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * What a planner says a window is: validated on construction, so an aggregate never holds a window
 * whose rule yields nothing, starts off-rule, or overlaps itself.
 */
public record WindowDefinition(
        String title,
        String description,
        String region,
        List<String> systems,
        ZoneId zone,
        LocalDateTime start,
        LocalDateTime end,
        RecurrenceRule recurrence) {

    /** Longer than this is almost surely a typo in a date; a real multi-week stop is several windows. */
    public static final Duration MAX_DURATION = Duration.ofDays(14);

    private static final int OVERLAP_CHECKS = 60;

    public WindowDefinition {
        systems = List.copyOf(systems);
        checkInterval("end", start, end);
        if (recurrence != null) {
            List<LocalDateTime> first = recurrence.starts(start, start, start.plusYears(50), OVERLAP_CHECKS);
            if (first.isEmpty()) {
                throw new InvalidFieldException("recurrence", "the rule yields no occurrence from " + start);
            }
            if (!first.get(0).equals(start)) {
                throw new InvalidFieldException(
                        "start",
                        "is not an occurrence of the rule " + recurrence.rule() + " (the first one from there is "
                                + first.get(0) + ")");
            }
            Duration length = Duration.between(start, end);
            for (int i = 1; i < first.size(); i++) {
                if (first.get(i - 1).plus(length).isAfter(first.get(i))) {
                    throw new InvalidFieldException(
                            "recurrence",
                            "occurrences overlap: the one at " + first.get(i - 1)
                                    + " lasts until after the next starts at " + first.get(i));
                }
            }
        }
    }

    /** end after start, and not absurdly long; {@code field} names the end field in the request. */
    static void checkInterval(String field, LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start)) {
            throw new InvalidFieldException(field, "must be after start (" + start + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            throw new InvalidFieldException(field, "a window may last at most " + MAX_DURATION.toDays() + " days");
        }
    }

    public boolean recurring() {
        return recurrence != null;
    }
}
