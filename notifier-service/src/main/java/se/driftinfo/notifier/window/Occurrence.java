package se.driftinfo.notifier.window;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * One dated instance of a window.
 *
 * @param originalStart the start the rule gives it (the iCal RECURRENCE-ID), local to the window's zone
 * @param start where it actually starts (differs from the original when moved)
 * @param end where it actually ends
 * @param moved true if the planner moved it
 * @param cancelled true if the planner cancelled it (or the whole series); only {@link
 *     Occurrences#overlapping} lists such occurrences
 */
public record Occurrence(
        LocalDateTime originalStart, ZonedDateTime start, ZonedDateTime end, boolean moved, boolean cancelled) {

    /** An occurrence that takes place. */
    public Occurrence(LocalDateTime originalStart, ZonedDateTime start, ZonedDateTime end, boolean moved) {
        this(originalStart, start, end, moved, false);
    }
}
