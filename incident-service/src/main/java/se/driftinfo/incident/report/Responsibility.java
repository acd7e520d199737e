package se.driftinfo.incident.report;

/** Who has to fix it. Provider-side work is billable, so its time is recorded. */
public enum Responsibility {
    REGION,
    PROVIDER
}
