package se.driftinfo.maintenance.window;

/** How one occurrence stands: as the rule says, moved to another time, or cancelled. */
public enum OccurrenceStatus {
    SCHEDULED,
    MOVED,
    CANCELLED
}
