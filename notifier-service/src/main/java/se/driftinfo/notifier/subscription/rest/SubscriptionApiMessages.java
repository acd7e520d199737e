package se.driftinfo.notifier.subscription.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the subscription API answers; the API speaks English. */
@MessageBundle(value = "subscriptionApi", locale = "en")
public interface SubscriptionApiMessages {

    @Message("A confirmation mail is on its way; nothing is sent until the address is confirmed.")
    String accepted();
}
