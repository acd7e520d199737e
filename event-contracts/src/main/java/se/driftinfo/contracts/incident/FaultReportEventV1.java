package se.driftinfo.contracts.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of every fault report event. Carries the contact e-mail so the notifier can acknowledge the
 * report to the reporter; never any patient data (the incident service rejects it on input).
 *
 * @param coveredBy if a maintenance window or declared outage already explains the fault, what it is
 * @param resolution when this event resolves the report: what the helpdesk wrote when resolving it, for
 *     the reporter to read (a report resolved with its outage carries the outage's resolution message).
 *     Null otherwise, and in events published before the field existed; optional, so this stays version 1.
 */
public record FaultReportEventV1(FaultReportV1 report, CoverV1 coveredBy, String resolution) {

    /** An event that resolves nothing. */
    public FaultReportEventV1(FaultReportV1 report, CoverV1 coveredBy) {
        this(report, coveredBy, null);
    }

    public record FaultReportV1(
            UUID id,
            String reference,
            String reporterHsaId,
            String unitName,
            String contactEmail,
            String language,
            String region,
            String system,
            String urgency,
            String priority,
            String status,
            UUID outageId,
            Instant receivedAt,
            Instant updatedAt) {}

    /**
     * @param kind {@code MAINTENANCE_WINDOW} or {@code OUTAGE}
     * @param until when the window ends, or null for an outage that goes on
     */
    public record CoverV1(String kind, UUID id, String title, Instant until) {}
}
