package se.driftinfo.notifier.subscription.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the pages behind the links in our mail, in Swedish; {@link SubscriptionPageMessagesEn} in English. */
@MessageBundle(value = "subscriptionPage", locale = "sv")
public interface SubscriptionPageMessages {

    @Message("Bekräfta prenumerationen")
    String confirmTitle();

    @Message("Klicka för att börja få e-post från Driftinfo.")
    String confirmMessage();

    @Message("Bekräfta")
    String confirmButton();

    @Message("Prenumerationen är bekräftad")
    String confirmedTitle();

    @Message("Din egen kalender med dina system (lägg till den i din kalenderapp):")
    String confirmedMessage();

    /** Under the feed address: it is not shown again, and how to get a new one. */
    @Message("Adressen visas bara nu. Behöver du en ny, använd länken i bekräftelsemejlet.")
    String feedShownOnce();

    @Message("Redan bekräftad")
    String usedTitle();

    @Message("Den här länken har redan använts: prenumerationen är aktiv. Behöver du en ny adress till din"
            + " kalender, använd länken i bekräftelsemejlet.")
    String usedMessage();

    @Message("Länken har gått ut")
    String expiredTitle();

    @Message("Prenumerationen bekräftades inte i tid. Anmäl dig igen på Driftinfo, så får du en ny länk.")
    String expiredMessage();

    @Message("Prenumerationen är avslutad")
    String cancelledTitle();

    @Message("Prenumerationen avslutades innan den bekräftades. Anmäl dig igen på Driftinfo om du vill ha e-post.")
    String cancelledMessage();

    @Message("Avsluta prenumerationen")
    String unsubscribeTitle();

    @Message("Du får ingen mer e-post och din kalenderlänk slutar fungera.")
    String unsubscribeMessage();

    @Message("Avsluta")
    String unsubscribeButton();

    @Message("Prenumerationen är avslutad")
    String unsubscribedTitle();

    @Message("Du får ingen mer e-post från Driftinfo.")
    String unsubscribedMessage();

    @Message("Ny adress till din kalender")
    String renewTitle();

    @Message("Den gamla adressen slutar fungera och du får en ny. Lägg sedan till den nya i din kalenderapp.")
    String renewMessage();

    @Message("Byt adress")
    String renewButton();

    @Message("Ny kalenderlänk")
    String renewedTitle();

    @Message("Den gamla länken fungerar inte längre. Din nya:")
    String renewedMessage();
}
