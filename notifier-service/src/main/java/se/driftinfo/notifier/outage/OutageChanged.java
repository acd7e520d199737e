package se.driftinfo.notifier.outage;

import java.util.UUID;
import se.driftinfo.contracts.incident.OutageEventV1;

/**
 * An outage event changed the read model. Fired synchronously inside the consumer's transaction, so
 * what observers write commits or rolls back with the processed-event record.
 *
 * @param type the CloudEvent type, e.g. {@code EventTypes.OUTAGE_RESOLVED}
 */
public record OutageChanged(UUID eventId, String type, OutageEventV1 data) {}
