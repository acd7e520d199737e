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

    @Message("Bekräfta din adress")
    String subscribedTitle();

    @Message("Nästan klart")
    String subscribedHeading();

    @Message("Vi har skickat ett mejl till {email}. Klicka på länken i det för att bekräfta prenumerationen.")
    String subscribedMessage(String email);

    @Message("Tillbaka")
    String back();
}
