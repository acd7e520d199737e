package se.driftinfo.incident.outage;

/** How badly the systems are hit. */
public enum OutageImpact {
    OUTAGE,
    DEGRADED
}
