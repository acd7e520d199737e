package se.driftinfo.incident.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The helpdesk queue's words that are used in more than one place (the page, its live part and the
 * messages after a bulk action). Staff pages are Swedish only. In templates: {@code {queue:status(…)}}.
 */
@MessageBundle(value = "queue", locale = "sv")
public interface QueueMessages {

    /** A report's status in words; a status added later is shown as sent. */
    @Message("{#when status}{#is 'NEW'}Ny{#is 'TRIAGED'}Bedömd{#is 'IN_PROGRESS'}Pågår"
            + "{#is 'WAITING_FOR_REPORTER'}Väntar på anmälaren{#is 'RESOLVED'}Löst{#is 'CLOSED'}Stängd"
            + "{#else}{status}{/when}")
    String status(String status);

    @Message("{#when responsibility}{#is 'REGION'}Regionen{#is 'PROVIDER'}Leverantören{#else}{responsibility}{/when}")
    String responsibility(String responsibility);

    @Message("{#when impact}{#is 'OUTAGE'}Avbrott{#is 'DEGRADED'}Begränsad funktion{#else}{impact}{/when}")
    String impact(String impact);

    @Message("{#when status}{#is 'INVESTIGATING'}Felsökning pågår{#is 'IDENTIFIED'}Orsaken är hittad"
            + "{#is 'MONITORING'}Åtgärdad, bevakas{#is 'RESOLVED'}Åtgärdad{#else}{status}{/when}")
    String outageStatus(String status);

    /** Support time left until the SLA target. */
    @Message("{#if hours > 0}{hours} h {/if}{minutes} min kvar")
    String timeLeft(long hours, long minutes);

    /** Support time since the SLA target passed. */
    @Message("försenad {#if hours > 0}{hours} h {/if}{minutes} min")
    String overdue(long hours, long minutes);

    /** The SLA clock stands still: the helpdesk waits for the reporter. */
    @Message("pausad")
    String paused();

    /** A resolved or closed report: no clock runs. */
    @Message("–")
    String noClock();

    @Message("visar {from}–{to} av {total}")
    String showing(String from, String to, String total);

    @Message("visar 0 av 0")
    String showingNone();

    @Message("{#if count == 1}1 felanmälan{#else}{count} felanmälningar{/if}"
            + "{#when action}{#is 'link'} kopplades till driftstörningen.{#is 'assign'} fick ny handläggare."
            + "{#is 'take'} tilldelades dig.{#is 'status'} fick ny status.{#else} ändrades.{/when}")
    String done(String action, int count);

    @Message("Välj minst en felanmälan i listan först.")
    String noneSelected();

    @Message("Välj en pågående driftstörning att koppla till.")
    String noOutage();

    @Message("Välj vilken status felanmälningarna ska få.")
    String noStatus();

    @Message("Namnet får vara högst 100 tecken.")
    String assigneeTooLong();

    @Message("Namnet ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort alla patientuppgifter.")
    String assigneePatientData();

    @Message(
            "{reference}: kan inte gå från {from} till {to}. {#if allowed}Tillåtet: {allowed}.{#else}Den är stängd.{/if}")
    String refusedTransition(String reference, String from, String to, String allowed);

    @Message("{reference}: behöver en bedömd påverkan (prioritet) innan den kan bli bedömd.")
    String needsPriority(String reference);

    @Message("{reference}: är stängd och kan inte ändras.")
    String closed(String reference);

    @Message("{reference}: driftstörningen gäller en annan region än felanmälan.")
    String otherRegion(String reference);

    @Message("{reference}: ändrades samtidigt av någon annan. Försök igen.")
    String changedMeanwhile(String reference);

    @Message("{reference}: kunde inte ändras.")
    String failed(String reference);

    @Message("Förslaget är inte längre öppet; någon annan har redan tagit hand om det.")
    String suggestionClosed();

    @Message("Driftstörningen deklarerades inte: ange rubrik (3–200 tecken), meddelande (högst 2000 tecken)"
            + " och påverkan, utan patientuppgifter.")
    String suggestionInvalid();

    @Message("Förslaget avfärdades. Kommer fler felanmälningar visas ett nytt.")
    String suggestionDismissed();
}
