package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.notifier.catalog.Catalog;

/**
 * Mail to whoever reported a fault: received, then each change of status. The reporter subscribes
 * to nothing, so the mail has no unsubscribe link.
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
        MailTemplates.FaultReportMail mail = new MailTemplates.FaultReportMail(
                kind.variant(),
                report.reference(),
                report.unitName(),
                catalog.systemName(report.region(), report.system()),
                report.status(),
                event.coveredBy() == null ? null : event.coveredBy().title());
        String subject = kind == MailKind.FAULT_REPORT_RECEIVED
                ? text.faultReportReceived(report.reference())
                : text.faultReportChanged(report.reference());
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
