package se.driftinfo.incident.outage;

/** Where the helpdesk is with an outage; RESOLVED only through {@link Outage#resolve}. */
public enum OutageStatus {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED
}
