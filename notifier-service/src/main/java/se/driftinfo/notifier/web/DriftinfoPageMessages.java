package se.driftinfo.notifier.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The /driftinfo page's texts in Swedish, the default; {@link DriftinfoPageMessagesEn} in English. */
@MessageBundle(value = "driftinfoPage", locale = "sv")
public interface DriftinfoPageMessages {

    /** How the page's dates read, a {@link java.time.format.DateTimeFormatter} pattern. */
    @Message("EEE d MMM yyyy HH:mm")
    String datePattern();

    @Message("Driftinfo – planerat underhåll och driftstörningar")
    String title();

    @Message("Planerat underhåll och driftstörningar i regionernas IT-system.")
    String intro();

    /** The link to the page in the other language, written in that language. */
    @Message("In English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    @Message("Pågående driftstörningar")
    String outagesHeading();

    @Message("Störning")
    String outage();

    @Message("Region")
    String region();

    @Message("System")
    String systems();

    @Message("Sedan")
    String since();

    @Message("Status")
    String status();

    @Message("Starta er reservrutin för berörda system.")
    String reserveRoutine();

    @Message("Inga pågående driftstörningar.")
    String noOutages();

    @Message("Kommande underhåll")
    String upcomingHeading();

    @Message("När")
    String when();

    @Message("Vad")
    String what();

    @Message("flyttad")
    String moved();

    @Message("Inget planerat underhåll de närmaste veckorna.")
    String noUpcoming();

    @Message("Prenumerera på kalendern")
    String calendarHeading();

    @Message("Kalender")
    String calendar();

    @Message("Adress")
    String address();

    @Message("Prenumerera på e-post")
    String mailHeading();

    @Message("E-post")
    String email();

    @Message("Regioner:")
    String regions();

    @Message("Språk")
    String language();

    @Message("Prenumerera")
    String subscribe();

    @Message("Du får ett mejl där du bekräftar adressen.")
    String confirmByMail();

    @Message("Något i formuläret behöver rättas, se nedan.")
    String formHasErrors();

    @Message("Ange en e-postadress, t.ex. namn@exempel.se.")
    String emailInvalid();

    @Message("Adressen ser ut att innehålla ett personnummer eller samordningsnummer. Ange en annan adress.")
    String emailPatientData();

    @Message("Välj minst en region i listan.")
    String regionsInvalid();

    @Message("Välj svenska eller engelska.")
    String languageInvalid();

    @Message("Bekräfta din adress")
    String subscribedTitle();

    @Message("Nästan klart")
    String subscribedHeading();

    @Message("Vi har skickat ett mejl till {email}. Klicka på länken i det för att bekräfta prenumerationen.")
    String subscribedMessage(String email);

    @Message("Tillbaka")
    String back();

    /** The feed of every region, and the region filter's choice of every region. */
    @Message("Alla regioner")
    String allRegions();

    /** The button of the region filter. */
    @Message("Visa")
    String show();

    /** An outage's status in words; a status added later is shown as sent. */
    @Message("{#when status}{#is 'INVESTIGATING'}Felsökning pågår{#is 'IDENTIFIED'}Orsaken är hittad"
            + "{#is 'MONITORING'}Åtgärdad, bevakas{#is 'RESOLVED'}Åtgärdad{#else}{status}{/when}")
    String outageStatus(String status);

    @Message("Månadsöversikt")
    String monthHeading();

    /** How a month is named, a {@link java.time.format.DateTimeFormatter} pattern (stand-alone month). */
    @Message("LLLL yyyy")
    String monthPattern();

    @Message("Kalender för {month} – {region}")
    String monthCaption(String month, String region);

    @Message("Föregående månad ({month})")
    String previousMonth(String month);

    @Message("Nästa månad ({month})")
    String nextMonth(String month);

    @Message("Vecka")
    String week();

    /** Shown in today's cell besides {@code aria-current="date"}. */
    @Message("idag")
    String today();

    /** A cancelled occurrence, shown struck through where it would have been. */
    @Message("Inställt")
    String cancelled();

    @Message("från {time}")
    String fromTime(String time);

    @Message("till {time}")
    String untilTime(String time);

    @Message("hela dagen")
    String allDay();

    /** An active outage on the day it started. */
    @Message("sedan {time}")
    String sinceTime(String time);

    /** An active outage on the days after it started. */
    @Message("pågår")
    String ongoing();

    @Message("Inget planerat underhåll och inga pågående driftstörningar i {month}.")
    String nothingInMonth(String month);
}
