package se.driftinfo.incident.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import se.driftinfo.incident.outage.OutageImpact;
import se.driftinfo.incident.outage.OutageStatus;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.incident.report.Responsibility;
import se.driftinfo.incident.triage.Level;

/**
 * The helpdesk's case pages (a report, the outages): the words for the domain's values and the messages
 * the pages choose in Java. Templates use them as {@code {case:status(report.status)}}.
 */
@MessageBundle(value = "case", locale = "sv")
public interface CaseMessages {

    @Message("{#when status}{#is NEW}Ny{#is TRIAGED}Bedömd{#is IN_PROGRESS}Pågår"
            + "{#is WAITING_FOR_REPORTER}Väntar på anmälaren{#is RESOLVED}Åtgärdad{#is CLOSED}Stängd{/when}")
    String status(ReportStatus status);

    @Message("{#when level}{#is HIGH}Hög{#is MEDIUM}Medel{#is LOW}Låg{/when}")
    String level(Level level);

    @Message("{#when responsibility}{#is REGION}Regionen{#is PROVIDER}Leverantören{/when}")
    String responsibility(Responsibility responsibility);

    @Message("{#when status}{#is INVESTIGATING}Felsöker{#is IDENTIFIED}Orsaken hittad"
            + "{#is MONITORING}Bevakar{#is RESOLVED}Löst{/when}")
    String outageStatus(OutageStatus status);

    @Message("{#when impact}{#is OUTAGE}Avbrott{#is DEGRADED}Störd drift{/when}")
    String impact(OutageImpact impact);

    /** The audit trail's name for a changed field. */
    @Message("{#when field}{#is 'status'}Status{#is 'impact'}Påverkan{#is 'urgency'}Brådska"
            + "{#is 'priority'}Prioritet{#is 'responsibility'}Ansvar{#is 'assignee'}Handläggare"
            + "{#is 'outageId'}Driftstörning{#is 'timeSpentMinutes'}Tidsåtgång (min)"
            + "{#is 'comment'}Kommentar{#else}{field}{/when}")
    String auditField(String field);

    @Message("Ärendet har ändrats av någon annan sedan du laddade sidan – ladda om och gör ändringen igen."
            + " Sidan visar nu ärendet som det är.")
    String staleVersion();

    @Message("ändrad av någon annan – ladda om")
    String staleShort();

    /** A status change the transition table forbids; {@code allowed} lists where the report may go. */
    @Message(
            "Den statusändringen är inte tillåten. Från {from} kan ärendet gå till: {#if allowed}{allowed}{#else}inget{/if}.")
    String forbiddenTransition(String from, String allowed);

    @Message("Ändringen gick inte att göra.")
    String conflict();

    @Message("Välj påverkan.")
    String impactRequired();

    @Message("Välj ett värde i listan.")
    String chooseFromList();

    @Message("Ange tiden som ett positivt tal, t.ex. 30 minuter eller 1,5 timmar.")
    String timeSpent();

    @Message("Ange ett användarnamn på högst 100 tecken, eller lämna tomt för att ta bort handläggaren.")
    String assignee();

    @Message("Skriv en kommentar (högst 4000 tecken).")
    String comment();

    @Message("Texten ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort alla patientuppgifter.")
    String patientData();

    @Message("Välj en pågående driftstörning i ärendets region.")
    String outage();

    @Message("Ange en rubrik (3–200 tecken).")
    String title();

    @Message("Välj minst ett system, alla i samma region.")
    String systems();

    @Message("Skriv ett meddelande (högst 2000 tecken).")
    String messageText();

    @Message("Välj en status.")
    String statusRequired();

    @Message("Felet är åtgärdat. Ni kan avsluta reservrutinen.")
    String resolvedDefault();

    @Message("Vi felsöker felet. Starta er reservrutin för {systems}. Vi meddelar när felet är åtgärdat.")
    String declaredDefault(String systems);

    @Message("berörda system")
    String affectedSystems();

    @Message("{#when what}{#is 'assessment'}Bedömningen är sparad.{#is 'status'}Statusen är ändrad."
            + "{#is 'responsibility'}Ansvar och tid är sparade.{#is 'assignee'}Handläggaren är ändrad."
            + "{#is 'comment'}Kommentaren är sparad.{#is 'outage'}Kopplingen till driftstörningen är ändrad."
            + "{#is 'declared'}Driftstörningen är deklarerad.{#is 'update'}Uppdateringen är publicerad."
            + "{#is 'resolved'}Driftstörningen är löst. Kopplade ärenden har åtgärdats."
            + "{#is 'unlinked'}Ärendet är bortkopplat.{#else}Sparat.{/when}")
    String done(String what);

    @Message("{hours} h {minutes} min")
    String duration(long hours, long minutes);
}
