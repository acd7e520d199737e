package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.outage.OutageRepository;
import se.driftinfo.notifier.outage.OutageView;

/**
 * Mail to whoever reported a fault: received, linked to an outage, then each change of status, in words. A resolved or
 * closed report is told as fixed, with the helpdesk's resolution when the event carries one (the
 * outage's message for a report resolved with its outage), and no longer asks for the reserve
 * routine. The reporter subscribes to nothing, so the mail has no unsubscribe link.
 */
@ApplicationScoped
class FaultReportMailComposer {

    private final Catalog catalog;
    private final MailTexts texts;
    private final OutageRepository outages;

    FaultReportMailComposer(Catalog catalog, MailTexts texts, OutageRepository outages) {
        this.catalog = catalog;
        this.texts = texts;
        this.outages = outages;
    }

    RenderedMail compose(MailKind kind, FaultReportEventV1 event) {
        return compose(kind, event, null);
    }

    /** The report was linked to an outage; named by reference and title once the outage is known here. */
    RenderedMail linked(FaultReportEventV1 event) {
        OutageV1 outage = outages.findByIdOptional(event.report().outageId())
                .map(OutageView::outage)
                .orElse(null);
        return compose(
                MailKind.FAULT_REPORT_LINKED,
                event,
                outage == null ? null : outage.reference() + " (" + outage.title() + ")");
    }

    private RenderedMail compose(MailKind kind, FaultReportEventV1 event, String outage) {
        FaultReportV1 report = event.report();
        boolean sv = !"en".equals(report.language()); // the reporter chose a language on the form
        MailMessages text = texts.in(sv);
        boolean closed = "CLOSED".equals(report.status());
        boolean fixed = closed || "RESOLVED".equals(report.status());
        String resolution = event.resolution() == null || event.resolution().isBlank()
                ? null
                : event.resolution().strip();
        MailTemplates.FaultReportMail mail = new MailTemplates.FaultReportMail(
                kind.variant(),
                report.reference(),
                report.unitName(),
                catalog.systemName(report.region(), report.system()),
                text.faultReportStatus(report.status()),
                event.coveredBy() == null ? null : event.coveredBy().title(),
                fixed,
                closed,
                resolution,
                report.outageId() != null,
                outage);
        String subject;
        if (kind == MailKind.FAULT_REPORT_RECEIVED) {
            subject = text.faultReportReceived(report.reference());
        } else if (kind == MailKind.FAULT_REPORT_LINKED) {
            subject = text.faultReportLinked(report.reference());
        } else if (fixed) {
            subject =
                    closed ? text.faultReportClosed(report.reference()) : text.faultReportResolved(report.reference());
        } else {
            subject = text.faultReportChanged(report.reference());
        }
        return new RenderedMail(
                kind,
                subject,
                MailTemplates.in(sv, MailTemplates.faultReportText(mail)),
                MailTemplates.in(sv, MailTemplates.faultReportHtml(mail)),
                null,
                null,
                null);
    }
}
