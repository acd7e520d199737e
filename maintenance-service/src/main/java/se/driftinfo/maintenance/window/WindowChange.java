package se.driftinfo.maintenance.window;

import java.time.LocalDateTime;

/**
 * What one command did to a window, as the aggregate reports it. The application layer turns it into
 * the published event; the aggregate itself knows nothing of events, topics or the outbox.
 */
public sealed interface WindowChange {

    /** A new window or series. */
    record Scheduled() implements WindowChange {}

    /** The series was redefined, or ended before the date a successor takes over. */
    record Updated() implements WindowChange {}

    /** The whole series was cancelled; its history stays. */
    record Cancelled(String reason) implements WindowChange {}

    /** One occurrence, identified by where the rule put it, was cancelled. */
    record OccurrenceCancelled(LocalDateTime originalStart, String reason) implements WindowChange {}

    /** One occurrence now takes place at other local times. */
    record OccurrenceMoved(LocalDateTime originalStart, LocalDateTime newStart, LocalDateTime newEnd, String reason)
            implements WindowChange {}
}
