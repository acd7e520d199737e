package se.driftinfo.contracts;

/** CloudEvents {@code source} of each producing service. */
public final class EventSources {

    public static final String MAINTENANCE = "/driftinfo/maintenance-service";
    public static final String INCIDENT = "/driftinfo/incident-service";

    private EventSources() {}
}
