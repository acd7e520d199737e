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

    @Message("Ny kalenderlänk")
    String renewedTitle();

    @Message("Den gamla länken fungerar inte längre. Din nya:")
    String renewedMessage();
}
