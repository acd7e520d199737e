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
    @Message("Reminder: {title} {soon}, {when}")
    String reminder(String title, String soon, String when);

    @Override
    @Message("{#if hours == 1}in 1 hour{#else}in {hours} hours{/if}")
    String inHours(int hours);

    @Override
    @Message("in {minutes} minutes")
    String inMinutes(int minutes);

    @Override
    @Message("today")
    String today();

    @Override
    @Message("tomorrow")
    String tomorrow();

    @Override
    @Message("in a week")
    String inAWeek();

    @Override
    @Message("in {days} days")
    String inDays(int days);

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
    @Message("Your fault report {reference} concerns an outage")
    String faultReportLinked(String reference);

    @Override
    @Message("Your fault report {reference} is resolved")
    String faultReportResolved(String reference);

    @Override
    @Message("Your fault report {reference} is closed")
    String faultReportClosed(String reference);

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

    @Override
    @Message("en")
    String lang();

    @Override
    @Message("Planned maintenance has been scheduled for {systems} in {region}.")
    String windowScheduledBody(String systems, String region);

    @Override
    @Message("The planned maintenance of {systems} in {region} has changed.")
    String windowUpdatedBody(String systems, String region);

    @Override
    @Message("The planned maintenance of {systems} in {region} is cancelled. No further occurrences.")
    String windowCancelledBody(String systems, String region);

    @Override
    @Message("One occurrence of the maintenance of {systems} in {region} is cancelled. The systems run as usual then.")
    String occurrenceCancelledBody(String systems, String region);

    @Override
    @Message("One occurrence of the maintenance of {systems} in {region} has moved. New time:")
    String occurrenceMovedBody(String systems, String region);

    @Override
    @Message("Reminder: planned maintenance of {systems} in {region}. Prepare your reserve routine.")
    String reminderBody(String systems, String region);

    @Override
    @Message("Outage of {systems} ({region}). {#if down}The system is down.{#else}The system is degraded.{/if}"
            + " Start your reserve routine.")
    String outageDeclaredBody(String systems, String region, boolean down);

    @Override
    @Message("News about the outage of {systems} ({region}). Keep your reserve routine going.")
    String outageUpdatedBody(String systems, String region);

    @Override
    @Message("The outage of {systems} ({region}) is resolved. You can stop your reserve routine.")
    String outageResolvedBody(String systems, String region);

    @Override
    @Message("Status")
    String status();

    @Override
    @Message("Thank you. We have received fault report")
    String faultReportReceivedLead();

    @Override
    @Message("from {unitName} about {system}.")
    String faultReportReceivedTail(String unitName, String system);

    @Override
    @Message("Fault report")
    String faultReportChangedLead();

    @Override
    @Message("about {system} has a new status: {status}.")
    String faultReportChangedTail(String system, String status);

    @Override
    @Message(
            "about {system} concerns {#if outage}the outage {outage}{#else}an outage{/if}. We are working on it and will tell you when it is"
                    + " resolved. Use your reserve routine until then.")
    String faultReportLinkedTail(String system, String outage);

    @Override
    @Message("{#when status}{#is 'INVESTIGATING'}Investigating{#is 'IDENTIFIED'}Cause identified"
            + "{#is 'MONITORING'}Fixed, monitoring{#is 'RESOLVED'}Resolved{#else}{status}{/when}")
    String outageStatus(String status);

    @Override
    @Message("{#when status}{#is 'NEW'}received{#is 'TRIAGED'}assessed{#is 'IN_PROGRESS'}in progress"
            + "{#is 'WAITING_FOR_REPORTER'}waiting for your reply{#is 'RESOLVED'}resolved{#is 'CLOSED'}closed"
            + "{#else}{status}{/when}")
    String faultReportStatus(String status);

    @Override
    @Message("about {system} is {#if closed}closed{#else}resolved{/if}. The fault is fixed and {system} should"
            + " work as usual again.")
    String faultReportFixedTail(String system, boolean closed);

    @Override
    @Message("{#if byOutage}The fault was caused by an outage that is now resolved. {/if}The helpdesk wrote:")
    String faultReportResolution(boolean byOutage);

    @Override
    @Message("The fault is probably explained by: {coveredBy}. Use your reserve routine.")
    String faultReportCoveredBy(String coveredBy);

    @Override
    @Message("Quote {reference} when you contact us.")
    String quoteReference(String reference);

    @Override
    @Message("Please confirm that you want e-mail from Driftinfo about planned maintenance and outages.")
    String confirmBody();

    @Override
    @Message("Regions")
    String regions();

    @Override
    @Message("Systems")
    String systems();

    @Override
    @Message("Confirm the subscription")
    String confirmLink();

    @Override
    @Message("Confirm here")
    String confirmHere();

    @Override
    @Message("Keep this mail: if the address of your own calendar gets into the wrong hands, you can")
    String keepThisMail();

    @Override
    @Message("change it to a new address")
    String newFeedLink();

    @Override
    @Message("Did not ask for this? Do nothing, or")
    String notAskedFor();

    @Override
    @Message("cancel here")
    String cancelHere();
}
