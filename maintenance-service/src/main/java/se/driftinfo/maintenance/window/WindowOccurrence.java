package se.driftinfo.maintenance.window;

/** An occurrence together with the window it belongs to, for lists across windows. */
public record WindowOccurrence(MaintenanceWindow window, Occurrence occurrence) {}
