package se.driftinfo.incident.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.CoverV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.kit.outbox.Outbox;

/** Fault report events, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class ReportEvents {

    private final Outbox outbox;

    public ReportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The received events of reports stored together, in one statement. */
    public void receivedAll(List<FaultReport> reports) {
        outbox.addAll(reports.stream()
                .map(r -> new Outbox.Event(
                        Topics.INCIDENTS,
                        r.id.toString(),
                        EventTypes.FAULT_REPORT_RECEIVED,
                        EventSources.INCIDENT,
                        toEvent(r)))
                .toList());
    }

    public void triaged(FaultReport report) {
        publish(EventTypes.FAULT_REPORT_TRIAGED, report);
    }

    public void statusChanged(FaultReport report) {
        publish(EventTypes.FAULT_REPORT_STATUS_CHANGED, report);
    }

    /**
     * The report was resolved because its outage was: the event carries the outage's resolution message,
     * so the reporter is told how the fault was fixed.
     */
    public void resolvedWithOutage(FaultReport report, String resolution) {
        outbox.add(
                Topics.INCIDENTS,
                report.id.toString(),
                EventTypes.FAULT_REPORT_STATUS_CHANGED,
                EventSources.INCIDENT,
                toEvent(report, resolution));
    }

    private void publish(String type, FaultReport report) {
        outbox.add(Topics.INCIDENTS, report.id.toString(), type, EventSources.INCIDENT, toEvent(report));
    }

    static FaultReportEventV1 toEvent(FaultReport r) {
        return toEvent(r, null);
    }

    static FaultReportEventV1 toEvent(FaultReport r, String resolution) {
        CoverV1 cover = r.coveredKind == null
                ? null
                : new CoverV1(r.coveredKind.name(), r.coveredId, r.coveredTitle, r.coveredUntil);
        return new FaultReportEventV1(
                new FaultReportV1(
                        r.id,
                        r.reference,
                        r.reporterHsaId,
                        r.unitName,
                        r.contactEmail,
                        r.language,
                        r.region,
                        r.system,
                        r.urgency.name(),
                        r.priority == null ? null : r.priority.name(),
                        r.status.name(),
                        r.outageId,
                        r.receivedAt,
                        r.updatedAt),
                cover,
                resolution);
    }
}
