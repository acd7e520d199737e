package se.driftinfo.notifier.outage;

import java.util.UUID;
import se.driftinfo.contracts.incident.FaultReportEventV1;

/**
 * A fault report event arrived on the incidents topic (the notifier keeps no copy of reports; it
 * only tells the reporter). Fired synchronously inside the consumer's transaction.
 *
 * @param type the CloudEvent type, e.g. {@code EventTypes.FAULT_REPORT_RECEIVED}
 */
public record FaultReportChanged(UUID eventId, String type, FaultReportEventV1 data) {}
