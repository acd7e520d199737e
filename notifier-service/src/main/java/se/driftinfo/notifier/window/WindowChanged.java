package se.driftinfo.notifier.window;

import java.util.UUID;
import se.driftinfo.contracts.maintenance.WindowEventV1;

/**
 * A maintenance event changed the read model. Fired synchronously inside the consumer's transaction,
 * so what observers write (the mail queue) commits or rolls back with the processed-event record.
 *
 * @param type the CloudEvent type, e.g. {@code EventTypes.OCCURRENCE_MOVED}
 */
public record WindowChanged(UUID eventId, String type, WindowEventV1 data) {}
