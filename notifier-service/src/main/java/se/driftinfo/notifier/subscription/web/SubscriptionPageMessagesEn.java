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
    @Message("New calendar link")
    String renewedTitle();

    @Override
    @Message("The old link no longer works. Your new one:")
    String renewedMessage();
}
