package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.subscription.Subscription;

/** The links a subscriber's mail carries; the pages behind them are {@code subscription.web}. */
@ApplicationScoped
class MailLinks {

    private final String publicUrl;

    MailLinks(NotifierConfig config) {
        this.publicUrl = config.publicUrl();
    }

    /** Also the RFC 8058 one-click target. */
    String unsubscribe(Subscription s) {
        return publicUrl + "/subscriptions/unsubscribe/" + s.unsubscribeToken;
    }

    String confirm(Subscription s) {
        return publicUrl + "/subscriptions/confirm/" + s.confirmToken;
    }
}
