package se.driftinfo.maintenance.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The planner pages' texts that Java chooses (rules in words, dates, errors, confirmations). */
@MessageBundle(value = "planner", locale = "sv")
public interface PlannerMessages {

    /** Monday first, comma-separated: rules in words and the weekday choices. */
    @Message("måndag,tisdag,onsdag,torsdag,fredag,lördag,söndag")
    String weekdays();

    /** Monday first, as dates read ("ons 21 okt 2026"). */
    @Message("mån,tis,ons,tors,fre,lör,sön")
    String weekdaysShort();

    @Message("jan,feb,mars,apr,maj,juni,juli,aug,sep,okt,nov,dec")
    String monthsShort();

    /** The nth weekday of a month, 1 to 5. */
    @Message("första,andra,tredje,fjärde,femte")
    String ordinals();

    @Message("sista")
    String last();

    @Message("En gång")
    String ruleOnce();

    @Message("Varje dag")
    String ruleDaily();

    @Message("Varje vecka: {days}")
    String ruleWeekly(String days);

    @Message("{ordinal} {weekday}en varje månad")
    String ruleMonthly(String ordinal, String weekday);

    @Message("Regel: {rule}")
    String ruleRaw(String rule);

    @Message("{rule}, till och med {date}")
    String ruleUntil(String rule, String date);

    @Message("{rule}, {count} gånger")
    String ruleCount(String rule, String count);

    @Message("Planerad")
    String statusScheduled();

    @Message("Flyttad")
    String statusMoved();

    @Message("Inställd")
    String statusCancelled();

    @Message("Hela serien är inställd")
    String windowCancelled();

    @Message("Dygnet runt")
    String supportAlwaysOpen();

    @Message("Vardagar {opens}–{closes}")
    String supportWeekdays(String opens, String closes);

    @Message("Ange en titel (högst 200 tecken).")
    String errTitle();

    @Message("Beskrivningen får vara högst 4000 tecken.")
    String errDescription();

    @Message("Välj en region i listan.")
    String errRegion();

    @Message("Välj minst ett av regionens system.")
    String errSystems();

    @Message("Ange en IANA-tidszon, t.ex. Europe/Stockholm.")
    String errTimeZone();

    @Message("Ange startdatum och starttid. För en serie måste starten vara ett av regelns tillfällen.")
    String errStart();

    @Message("Slutet måste vara efter starten, och ett fönster får vara högst 14 dagar.")
    String errEnd();

    @Message("Regeln ger inga tillfällen, eller så överlappar tillfällena varandra.")
    String errRule();

    @Message("Skriv en giltig RRULE, t.ex. FREQ=MONTHLY;BYDAY=3WE (som oftast en gång per dag).")
    String errRrule();

    @Message("Välj minst en veckodag.")
    String errWeekdays();

    @Message("Ange ett datum. Den nya starten får inte ligga före det.")
    String errEffectiveFrom();

    @Message("Fönstret ligger under kundtjänstens öppettider – bekräfta")
    String errConfirmDaytime();

    @Message("Texten ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort alla patientuppgifter:"
            + " texten visas för klinikerna i kalendrar och mejl.")
    String errPatientData();

    @Message("Texten innehåller osynliga styrtecken. Skriv den utan dem.")
    String errControlCharacters();

    @Message("Anledningen får vara högst 1000 tecken.")
    String errReason();

    @Message("Välj ett av fönstrets tillfällen.")
    String errOccurrence();

    @Message("Ange ny start med datum och tid.")
    String errNewStart();

    @Message("Det nya slutet måste vara efter den nya starten, och högst 14 dagar senare.")
    String errNewEnd();

    @Message("Det gick inte i fönstrets nuvarande läge.")
    String errConflict();

    @Message("Något behöver rättas. Se markeringarna nedan.")
    String errSummary();

    @Message("Fönstret är sparat.")
    String doneCreated();

    @Message("Fönstret är ändrat.")
    String doneUpdated();

    @Message("Serien är ändrad från och med {date}. Tidigare tillfällen är som förut; detta är den nya serien.")
    String doneSplit(String date);

    @Message("Tillfället {date} är inställt.")
    String doneOccurrenceCancelled(String date);

    @Message("Tillfället {date} är flyttat.")
    String doneOccurrenceMoved(String date);

    @Message("Hela serien är inställd.")
    String doneCancelled();
}
