package se.driftinfo.contracts.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of every outage event: the whole outage after the change, and the newest status update.
 *
 * @param outage the outage as it is now
 * @param update the status update this event announces (declared, updated or resolved)
 */
public record OutageEventV1(OutageV1 outage, StatusUpdateV1 update) {

    /**
     * A declared outage (driftstörning).
     *
     * @param impact {@code OUTAGE} (system down) or {@code DEGRADED}
     * @param status {@code INVESTIGATING}, {@code IDENTIFIED}, {@code MONITORING} or {@code RESOLVED}
     * @param resolvedAt null while the outage goes on
     * @param sequence rises on every change (iCal SEQUENCE)
     */
    public record OutageV1(
            UUID id,
            String reference,
            String title,
            String region,
            List<String> systems,
            String impact,
            String status,
            Instant startedAt,
            Instant resolvedAt,
            int sequence,
            Instant updatedAt) {}

    /** One entry of the outage's timeline. */
    public record StatusUpdateV1(String status, String message, Instant at) {}
}
