package se.driftinfo.contracts;

/**
 * Kafka topic names. Every record is keyed by its aggregate id (region code, window id, outage id,
 * report id) so that one aggregate's events stay in order in one partition.
 */
public final class Topics {

    /** Log-compacted; one record per region (key: region code) holding the region and its systems. */
    public static final String CATALOG = "driftinfo.catalog.v1";

    /** Maintenance window and occurrence events (key: window id). */
    public static final String MAINTENANCE = "driftinfo.maintenance.v1";

    /** Outage and fault report events (key: outage id or fault report id). */
    public static final String INCIDENTS = "driftinfo.incidents.v1";

    private Topics() {}
}
