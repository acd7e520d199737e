package se.driftinfo.notifier.delivery;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The mail in English. */
@Localized("en")
public interface MailMessagesEn extends MailMessages {

    @Override
    @Message("Planned maintenance: {title}")
    String windowScheduled(String title);

    @Override
    @Message("Maintenance changed: {title}")
    String windowUpdated(String title);

    @Override
    @Message("Maintenance cancelled: {title}")
    String windowCancelled(String title);

    @Override
    @Message("Occurrence cancelled: {title}")
    String occurrenceCancelled(String title);

    @Override
    @Message("Occurrence moved: {title}")
    String occurrenceMoved(String title);

    @Override
    @Message("Reminder: {title} – {when}")
    String reminder(String title, String when);

    @Override
    @Message("Outage: {title}")
    String outageDeclared(String title);

    @Override
    @Message("Outage update: {title}")
    String outageUpdated(String title);

    @Override
    @Message("Outage resolved: {title}")
    String outageResolved(String title);

    @Override
    @Message("We have received your fault report {reference}")
    String faultReportReceived(String reference);

    @Override
    @Message("Your fault report {reference}: status update")
    String faultReportChanged(String reference);

    @Override
    @Message("Confirm your Driftinfo subscription")
    String confirmSubject();

    @Override
    @Message("all")
    String allSystems();

    @Override
    @Message("Unsubscribe")
    String unsubscribe();

    @Override
    @Message("Reason")
    String reason();

    @Override
    @Message("Since")
    String since();

    @Override
    @Message("EEEE d MMMM yyyy, HH:mm")
    String dateTimePattern();

    @Override
    @Message("en-GB")
    String locale();
}
