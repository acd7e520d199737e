package se.driftinfo.notifier.delivery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * Type-safe mail templates under {@code templates/MailTemplates/}: one structure per mail, its sentences
 * from {@link MailMessages} in the locale the instance is rendered in.
 */
@CheckedTemplate(basePath = "MailTemplates")
public class MailTemplates {

    /**
     * @param kind SCHEDULED, UPDATED, CANCELLED, OCCURRENCE_CANCELLED, OCCURRENCE_MOVED or REMINDER
     * @param when the occurrences or the one occurrence concerned, formatted for the reader
     */
    public record WindowMail(
            String kind,
            String title,
            String description,
            String region,
            String systems,
            List<String> when,
            String reason,
            String unsubscribeUrl) {}

    /** @param kind DECLARED, UPDATED or RESOLVED */
    public record OutageMail(
            String kind,
            String title,
            String reference,
            String region,
            String systems,
            boolean down,
            String status,
            String message,
            String since,
            String unsubscribeUrl) {}

    /**
     * @param kind RECEIVED, LINKED or STATUS_CHANGED
     * @param status the report's status in the reader's words
     * @param fixed resolved or closed: the mail says the fault is fixed and gives no reserve-routine advice
     * @param resolution what the helpdesk wrote when resolving it, or null
     * @param byOutage resolved because the outage it belonged to was resolved
     * @param outage the outage a LINKED mail names (reference and title), else null
     */
    public record FaultReportMail(
            String kind,
            String reference,
            String unitName,
            String system,
            String status,
            String coveredBy,
            boolean fixed,
            boolean closed,
            String resolution,
            boolean byOutage,
            String outage) {}

    /** @param manageUrl renews the private feed address; this mail is the only one that has it */
    public record ConfirmMail(
            String regions, String systems, String confirmUrl, String manageUrl, String unsubscribeUrl) {}

    /** The instance in the reader's language: its {@code mailText:} messages are Swedish or English. */
    static String in(boolean swedish, TemplateInstance template) {
        return template.setLocale(swedish ? "sv" : "en").render();
    }

    static native TemplateInstance windowHtml(WindowMail mail);

    static native TemplateInstance windowText(WindowMail mail);

    static native TemplateInstance outageHtml(OutageMail mail);

    static native TemplateInstance outageText(OutageMail mail);

    static native TemplateInstance faultReportHtml(FaultReportMail mail);

    static native TemplateInstance faultReportText(FaultReportMail mail);

    static native TemplateInstance confirmHtml(ConfirmMail mail);

    static native TemplateInstance confirmText(ConfirmMail mail);
}
