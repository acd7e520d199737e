package se.driftinfo.notifier.delivery;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The mail's subjects, the texts built in Java and the labels the templates share ({@code
 * {mailText:unsubscribe}}), in Swedish; {@link MailMessagesEn} in English. A template renders in
 * the language of the locale its instance is given ({@link MailTemplates#in}).
 */
@MessageBundle(value = "mailText", locale = "sv")
public interface MailMessages {

    @Message("Planerat underhåll: {title}")
    String windowScheduled(String title);

    @Message("Ändrat underhåll: {title}")
    String windowUpdated(String title);

    @Message("Inställt underhåll: {title}")
    String windowCancelled(String title);

    @Message("Inställt tillfälle: {title}")
    String occurrenceCancelled(String title);

    @Message("Flyttat tillfälle: {title}")
    String occurrenceMoved(String title);

    @Message("Påminnelse: {title} – {when}")
    String reminder(String title, String when);

    @Message("Driftstörning: {title}")
    String outageDeclared(String title);

    @Message("Uppdatering om driftstörning: {title}")
    String outageUpdated(String title);

    @Message("Åtgärdad driftstörning: {title}")
    String outageResolved(String title);

    @Message("Vi har tagit emot er felanmälan {reference}")
    String faultReportReceived(String reference);

    @Message("Er felanmälan {reference}: ny status")
    String faultReportChanged(String reference);

    @Message("Bekräfta din prenumeration på Driftinfo")
    String confirmSubject();

    /** Stands for the systems of a subscription that names none. */
    @Message("alla")
    String allSystems();

    @Message("Avsluta prenumerationen")
    String unsubscribe();

    @Message("Anledning")
    String reason();

    /** Since when an outage goes on. */
    @Message("Sedan")
    String since();

    /** A {@link java.time.format.DateTimeFormatter} pattern for a day and a time. */
    @Message("EEEE d MMMM yyyy 'kl.' HH:mm")
    String dateTimePattern();

    /** The language tag the dates are written in. */
    @Message("sv-SE")
    String locale();
}
