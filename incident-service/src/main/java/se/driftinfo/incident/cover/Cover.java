package se.driftinfo.incident.cover;

import java.time.Instant;
import java.util.UUID;
import se.driftinfo.contracts.incident.FaultReportEventV1.CoverV1;

/**
 * What already explains a reported fault: a maintenance window (active or about to start) or a
 * declared outage. The clinic should run its reserve routine rather than wait for the helpdesk.
 *
 * @param until when the window ends; null for an outage that goes on
 */
public record Cover(Kind kind, UUID id, String title, Instant start, Instant until) {

    public enum Kind {
        MAINTENANCE_WINDOW,
        OUTAGE
    }

    public CoverV1 toEvent() {
        return new CoverV1(kind.name(), id, title, until);
    }
}
