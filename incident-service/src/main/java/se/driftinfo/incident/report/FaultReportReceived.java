package se.driftinfo.incident.report;

import java.time.Instant;

/**
 * One fault report stored, as {@link FaultReportsReceived} carries it.
 *
 * @param covered whether an outage or maintenance window already explains the fault
 */
public record FaultReportReceived(String region, String system, Instant receivedAt, boolean covered) {}
