package se.driftinfo.incident.report;

import java.time.Instant;

/**
 * A CDI event: a fault report was stored, in the transaction that stored it. Burst detection observes
 * it, so receiving a report does not call up into the packages that watch reports.
 *
 * @param covered whether an outage or maintenance window already explains the fault
 */
public record FaultReportReceived(String region, String system, Instant receivedAt, boolean covered) {}
