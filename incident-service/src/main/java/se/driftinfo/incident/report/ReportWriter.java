package se.driftinfo.incident.report;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.driftinfo.incident.catalog.KnownCatalog;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.cover.CoverFinder;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * Stores validated reports, several in one transaction: each with its reference, cover, SLA due dates,
 * audit entry and received event. {@link ReportIntake} decides which reports go together.
 */
@ApplicationScoped
public class ReportWriter {

    /** Reference numbers carry the year as the clinics see it. */
    private static final ZoneId REFERENCE_ZONE = ZoneId.of("Europe/Stockholm");

    private final FaultReportRepository reports;
    private final ReportNumbers numbers;
    private final KnownCatalog catalog;
    private final CoverFinder covers;
    private final SlaPolicy sla;
    private final ReportEvents events;
    private final Event<FaultReportsReceived> received;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ReportWriter(
            FaultReportRepository reports,
            ReportNumbers numbers,
            KnownCatalog catalog,
            CoverFinder covers,
            SlaPolicy sla,
            ReportEvents events,
            Event<FaultReportsReceived> received,
            Clock clock,
            MeterRegistry metrics) {
        this.reports = reports;
        this.numbers = numbers;
        this.catalog = catalog;
        this.covers = covers;
        this.sla = sla;
        this.events = events;
        this.received = received;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * All of them or none: one failing report (say its region left the catalog) fails the whole call, and
     * the caller tries the others again without it. The reports are received now, as the transaction
     * starts, so reports written later are never received earlier (burst detection counts on that).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<FaultReport> storeAll(List<FaultReport.Draft> drafts) {
        Instant now = Instant.now(clock);
        List<FaultReport> stored = new ArrayList<>(drafts.size());
        List<FaultReportReceived> announced = new ArrayList<>(drafts.size());
        for (FaultReport.Draft draft : drafts) {
            FaultReport report = receive(draft, now);
            reports.persist(report);
            stored.add(report);
            announced.add(new FaultReportReceived(
                    report.region, report.system, report.receivedAt, report.coveredKind != null));
        }
        events.receivedAll(stored);
        received.fire(new FaultReportsReceived(announced));
        return stored;
    }

    /** Counts reports once they are stored: a batch tried again is not counted twice. */
    public void counted(FaultReport report) {
        metrics.counter(
                        "driftinfo.fault_reports.received",
                        "region",
                        report.region,
                        "covered",
                        String.valueOf(report.coveredKind != null))
                .increment();
    }

    private FaultReport receive(FaultReport.Draft draft, Instant now) {
        KnownCatalog.Region region = catalog.region(draft.region())
                .orElseThrow(() -> new InvalidFieldException("region", "unknown region '" + draft.region() + "'"));
        Cover cover = covers.find(draft.region(), draft.system(), now).orElse(null);
        SlaPolicy.Due due = sla.due(Priority.of(Level.MEDIUM, draft.urgency()), now, region.supportHours());
        String reference = "FR-%d-%06d".formatted(now.atZone(REFERENCE_ZONE).getYear(), numbers.next());
        FaultReport report = FaultReport.receive(UUID.randomUUID(), reference, draft, cover, due, now);
        if (cover != null && cover.kind() == Cover.Kind.OUTAGE) {
            // A declared outage already explains the fault: the report follows it (is resolved with it).
            report.linkTo(cover.id(), report.region, FaultReport.COVERED_ON_ARRIVAL, now);
        }
        return report;
    }
}
