package se.driftinfo.incident.triage;

/** Impact and urgency in the ITIL sense. */
public enum Level {
    LOW,
    MEDIUM,
    HIGH
}
