package se.driftinfo.contracts;

import java.util.Map;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;

/**
 * CloudEvents {@code type} values and the payload record each one carries as its {@code data}.
 * Types are versioned: a breaking payload change gets a new type, never a changed meaning.
 */
public final class EventTypes {

    public static final String REGION_PUBLISHED = "se.driftinfo.catalog.region.published.v1";

    public static final String WINDOW_SCHEDULED = "se.driftinfo.maintenance.window.scheduled.v1";
    public static final String WINDOW_UPDATED = "se.driftinfo.maintenance.window.updated.v1";
    public static final String WINDOW_CANCELLED = "se.driftinfo.maintenance.window.cancelled.v1";
    public static final String OCCURRENCE_CANCELLED = "se.driftinfo.maintenance.occurrence.cancelled.v1";
    public static final String OCCURRENCE_MOVED = "se.driftinfo.maintenance.occurrence.moved.v1";

    public static final String FAULT_REPORT_RECEIVED = "se.driftinfo.incident.fault-report.received.v1";
    public static final String FAULT_REPORT_TRIAGED = "se.driftinfo.incident.fault-report.triaged.v1";
    public static final String FAULT_REPORT_STATUS_CHANGED = "se.driftinfo.incident.fault-report.status-changed.v1";
    public static final String OUTAGE_DECLARED = "se.driftinfo.incident.outage.declared.v1";
    public static final String OUTAGE_UPDATED = "se.driftinfo.incident.outage.updated.v1";
    public static final String OUTAGE_RESOLVED = "se.driftinfo.incident.outage.resolved.v1";

    /** Which record a type's data decodes to. */
    public static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(REGION_PUBLISHED, RegionV1.class),
            Map.entry(WINDOW_SCHEDULED, WindowEventV1.class),
            Map.entry(WINDOW_UPDATED, WindowEventV1.class),
            Map.entry(WINDOW_CANCELLED, WindowEventV1.class),
            Map.entry(OCCURRENCE_CANCELLED, WindowEventV1.class),
            Map.entry(OCCURRENCE_MOVED, WindowEventV1.class),
            Map.entry(FAULT_REPORT_RECEIVED, FaultReportEventV1.class),
            Map.entry(FAULT_REPORT_TRIAGED, FaultReportEventV1.class),
            Map.entry(FAULT_REPORT_STATUS_CHANGED, FaultReportEventV1.class),
            Map.entry(OUTAGE_DECLARED, OutageEventV1.class),
            Map.entry(OUTAGE_UPDATED, OutageEventV1.class),
            Map.entry(OUTAGE_RESOLVED, OutageEventV1.class));

    private EventTypes() {}
}
