package se.driftinfo.notifier.subscription.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The subscription pages in English. */
@Localized("en")
public interface SubscriptionPageMessagesEn extends SubscriptionPageMessages {

    @Override
    @Message("Confirm the subscription")
    String confirmTitle();

    @Override
    @Message("Click to start receiving e-mail from Driftinfo.")
    String confirmMessage();

    @Override
    @Message("Confirm")
    String confirmButton();

    @Override
    @Message("Subscription confirmed")
    String confirmedTitle();

    @Override
    @Message("Your own calendar of your systems (add it to your calendar app):")
    String confirmedMessage();

    @Override
    @Message("This address is shown only now. If you need a new one, use the link in the confirmation mail.")
    String feedShownOnce();

    @Override
    @Message("Already confirmed")
    String usedTitle();

    @Override
    @Message("This link has already been used: the subscription is active. If you need a new address for your"
            + " calendar, use the link in the confirmation mail.")
    String usedMessage();

    @Override
    @Message("The link has expired")
    String expiredTitle();

    @Override
    @Message("The subscription was not confirmed in time. Subscribe again on Driftinfo to get a new link.")
    String expiredMessage();

    @Override
    @Message("The subscription has ended")
    String cancelledTitle();

    @Override
    @Message("The subscription was cancelled before it was confirmed. Subscribe again on Driftinfo if you want mail.")
    String cancelledMessage();

    @Override
    @Message("Unsubscribe")
    String unsubscribeTitle();

    @Override
    @Message("You will get no more mail and your calendar link stops working.")
    String unsubscribeMessage();

    @Override
    @Message("Unsubscribe")
    String unsubscribeButton();

    @Override
    @Message("Unsubscribed")
    String unsubscribedTitle();

    @Override
    @Message("You will get no more mail from Driftinfo.")
    String unsubscribedMessage();

    @Override
    @Message("A new address for your calendar")
    String renewTitle();

    @Override
    @Message("The old address stops working and you get a new one. Then add the new one to your calendar app.")
    String renewMessage();

    @Override
    @Message("Change the address")
    String renewButton();

    @Override
    @Message("New calendar link")
    String renewedTitle();

    @Override
    @Message("The old link no longer works. Your new one:")
    String renewedMessage();
}
