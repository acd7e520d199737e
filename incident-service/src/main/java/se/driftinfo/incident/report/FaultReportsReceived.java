package se.driftinfo.incident.report;

import java.util.List;

/**
 * A CDI event: fault reports were stored together, in the transaction that stored them (see
 * {@link ReportIntake}). Burst detection observes it, so receiving reports does not call up into the
 * packages that watch them.
 */
public record FaultReportsReceived(List<FaultReportReceived> reports) {}
