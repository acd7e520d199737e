package se.driftinfo.maintenance.window;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * The dates a window may be planned on and its occurrences asked for: from {@code earliest} to
 * {@code latest} (today plus the configured horizon). A date outside is a typo (year 0001, 20277, 9999),
 * and expanding a rule that far would be work for nothing, so it is refused, naming the field. Keeping
 * every stored and asked date inside also bounds how long any expansion of a rule can take.
 */
public record PlanningHorizon(LocalDate earliest, LocalDate latest) {

    public PlanningHorizon {
        if (!latest.isAfter(earliest)) {
            throw new IllegalArgumentException("the horizon ends (" + latest + ") before it starts (" + earliest + ")");
        }
    }

    /** From {@code earliest} to {@code horizon} after {@code today}. */
    public static PlanningHorizon of(LocalDate earliest, LocalDate today, Period horizon) {
        return new PlanningHorizon(earliest, today.plus(horizon));
    }

    /** Refuses a date outside the horizon, naming {@code field}. */
    public void check(String field, LocalDate date) {
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw new InvalidFieldException(
                    field, "must lie between " + earliest + " and " + latest + " (got " + date + ")");
        }
    }

    public void check(String field, LocalDateTime time) {
        check(field, time.toLocalDate());
    }
}
