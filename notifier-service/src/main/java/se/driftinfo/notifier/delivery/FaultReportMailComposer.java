package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.notifier.catalog.Catalog;

/**
 * Mail to whoever reported a fault: received, then each change of status, in words. A resolved or
 * closed report is told as fixed, with the helpdesk's resolution when the event carries one (the
 * outage's message for a report resolved with its outage), and no longer asks for the reserve
 * routine. The reporter subscribes to nothing, so the mail has no unsubscribe link.
 */
@ApplicationScoped
class FaultReportMailComposer {

    private final Catalog catalog;
    private final MailTexts texts;

    FaultReportMailComposer(Catalog catalog, MailTexts texts) {
        this.catalog = catalog;
        this.texts = texts;
    }

    RenderedMail compose(MailKind kind, FaultReportEventV1 event) {
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
                report.outageId() != null);
        String subject;
        if (kind == MailKind.FAULT_REPORT_RECEIVED) {
            subject = text.faultReportReceived(report.reference());
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
