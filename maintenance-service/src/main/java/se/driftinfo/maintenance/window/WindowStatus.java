package se.driftinfo.maintenance.window;

/** A series is scheduled until the planner cancels all of it. */
public enum WindowStatus {
    SCHEDULED,
    CANCELLED
}
