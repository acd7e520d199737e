package se.driftinfo.notifier.delivery;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the mail, in Swedish: subjects, texts built in Java, and the templates' sentences and
 * labels ({@code {mailText:unsubscribe}}); {@link MailMessagesEn} in English. A template renders in
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

    /** {@code soon} is one of the phrases below ({@link #inHours} …), {@code when} the occurrence. */
    @Message("Påminnelse: {title} {soon}, {when}")
    String reminder(String title, String soon, String when);

    @Message("{#if hours == 1}om 1 timme{#else}om {hours} timmar{/if}")
    String inHours(int hours);

    @Message("om {minutes} minuter")
    String inMinutes(int minutes);

    @Message("i dag")
    String today();

    @Message("i morgon")
    String tomorrow();

    @Message("om en vecka")
    String inAWeek();

    @Message("om {days} dagar")
    String inDays(int days);

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

    @Message("Er felanmälan {reference} gäller en driftstörning")
    String faultReportLinked(String reference);

    @Message("Er felanmälan {reference} är åtgärdad")
    String faultReportResolved(String reference);

    @Message("Er felanmälan {reference} är avslutad")
    String faultReportClosed(String reference);

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

    /** The language the HTML mail declares. */
    @Message("sv")
    String lang();

    @Message("Planerat underhåll har lagts in för {systems} i {region}.")
    String windowScheduledBody(String systems, String region);

    @Message("Det planerade underhållet för {systems} i {region} har ändrats.")
    String windowUpdatedBody(String systems, String region);

    @Message("Det planerade underhållet för {systems} i {region} är inställt. Inga fler tillfällen.")
    String windowCancelledBody(String systems, String region);

    @Message("Ett tillfälle av underhållet för {systems} i {region} är inställt. Systemen är i drift som vanligt då.")
    String occurrenceCancelledBody(String systems, String region);

    /** Followed by the new time. */
    @Message("Ett tillfälle av underhållet för {systems} i {region} har flyttats. Ny tid:")
    String occurrenceMovedBody(String systems, String region);

    @Message("Påminnelse: planerat underhåll för {systems} i {region}. Förbered er reservrutin.")
    String reminderBody(String systems, String region);

    @Message("Driftstörning i {systems} ({region}). {#if down}Systemet är nere.{#else}Systemet fungerar delvis.{/if}"
            + " Starta er reservrutin.")
    String outageDeclaredBody(String systems, String region, boolean down);

    @Message("Ny information om driftstörningen i {systems} ({region}). Fortsätt med reservrutinen.")
    String outageUpdatedBody(String systems, String region);

    @Message("Driftstörningen i {systems} ({region}) är åtgärdad. Ni kan avsluta reservrutinen.")
    String outageResolvedBody(String systems, String region);

    @Message("Status")
    String status();

    /** Before the reference, which the HTML mail sets in bold. */
    @Message("Tack! Vi har tagit emot felanmälan")
    String faultReportReceivedLead();

    /** After the reference. */
    @Message("från {unitName} om {system}.")
    String faultReportReceivedTail(String unitName, String system);

    /** Before the reference, which the HTML mail sets in bold. */
    @Message("Felanmälan")
    String faultReportChangedLead();

    /** After the reference. */
    @Message("om {system} har ny status: {status}.")
    String faultReportChangedTail(String system, String status);

    /** After the reference, when the helpdesk has linked the report to an outage. */
    @Message(
            "om {system} gäller {#if outage}driftstörningen {outage}{#else}en driftstörning{/if}. Vi arbetar med den, och ni får besked när den är"
                    + " åtgärdad. Använd er reservrutin så länge.")
    String faultReportLinkedTail(String system, String outage);

    /** An outage's status in words, as the status page says it; a status added later is shown as sent. */
    @Message("{#when status}{#is 'INVESTIGATING'}Felsökning pågår{#is 'IDENTIFIED'}Orsaken är hittad"
            + "{#is 'MONITORING'}Åtgärdad, bevakas{#is 'RESOLVED'}Åtgärdad{#else}{status}{/when}")
    String outageStatus(String status);

    /** A report's status in words; a status added later is shown as sent. */
    @Message("{#when status}{#is 'NEW'}mottagen{#is 'TRIAGED'}bedömd{#is 'IN_PROGRESS'}under arbete"
            + "{#is 'WAITING_FOR_REPORTER'}väntar på svar från er{#is 'RESOLVED'}åtgärdad{#is 'CLOSED'}avslutad"
            + "{#else}{status}{/when}")
    String faultReportStatus(String status);

    /** After the reference, when the report is resolved or closed: the fault is fixed, no reserve routine. */
    @Message("om {system} är {#if closed}avslutad{#else}åtgärdad{/if}. Felet är åtgärdat och {system} ska fungera"
            + " som vanligt igen.")
    String faultReportFixedTail(String system, boolean closed);

    /** Before the helpdesk's own words on how the fault was fixed. */
    @Message("{#if byOutage}Felet berodde på en driftstörning som nu är åtgärdad. {/if}Så här skrev supporten:")
    String faultReportResolution(boolean byOutage);

    @Message("Felet hör troligen ihop med: {coveredBy}. Använd er reservrutin.")
    String faultReportCoveredBy(String coveredBy);

    @Message("Ange referensen {reference} om ni kontaktar oss.")
    String quoteReference(String reference);

    @Message("Bekräfta att du vill få e-post från Driftinfo om planerat underhåll och driftstörningar.")
    String confirmBody();

    @Message("Regioner")
    String regions();

    @Message("System")
    String systems();

    /** The text of the confirmation link in the HTML mail. */
    @Message("Bekräfta prenumerationen")
    String confirmLink();

    /** Before the confirmation address in the plain-text mail. */
    @Message("Bekräfta här")
    String confirmHere();

    /** Before the link that renews the private feed ({@link #newFeedLink}); only in the confirmation mail. */
    @Message("Spara det här mejlet: kommer adressen till din egen kalender i fel händer kan du")
    String keepThisMail();

    @Message("byta till en ny adress")
    String newFeedLink();

    /** Before the unsubscribe link ({@link #cancelHere}). */
    @Message("Har du inte bett om detta? Gör ingenting, eller")
    String notAskedFor();

    @Message("avsluta här")
    String cancelHere();
}
