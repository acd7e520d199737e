package se.driftinfo.incident.report;

/** Impact and urgency in the ITIL sense. */
public enum Level {
    LOW,
    MEDIUM,
    HIGH
}
