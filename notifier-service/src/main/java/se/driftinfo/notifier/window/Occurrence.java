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
 */
public record Occurrence(LocalDateTime originalStart, ZonedDateTime start, ZonedDateTime end, boolean moved) {}
