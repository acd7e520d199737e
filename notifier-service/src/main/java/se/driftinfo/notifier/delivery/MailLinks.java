package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.UnsubscribeTokens;

/** The links a subscriber's mail carries; the pages behind them are {@code subscription.web}. */
@ApplicationScoped
class MailLinks {

    private final String publicUrl;
    private final UnsubscribeTokens unsubscribeTokens;

    MailLinks(NotifierConfig config, UnsubscribeTokens unsubscribeTokens) {
        this.publicUrl = config.publicUrl();
        this.unsubscribeTokens = unsubscribeTokens;
    }

    /** In every mail to a subscriber; also the RFC 8058 one-click target. */
    String unsubscribe(Subscription s) {
        return unsubscribeWithToken(unsubscribeToken(s));
    }

    /** The token of {@code s}'s unsubscribe link: base64url, so it reads the same escaped as HTML. */
    String unsubscribeToken(Subscription s) {
        return unsubscribeTokens.of(s);
    }

    /** The unsubscribe link carrying {@code token}. */
    String unsubscribeWithToken(String token) {
        return publicUrl + "/subscriptions/unsubscribe/" + token;
    }

    /** Only in the confirmation mail, composed in the request that made the token. */
    String confirm(Subscription s) {
        return publicUrl + "/subscriptions/confirm/" + required(s.confirmToken);
    }

    /** Renews the private feed; only in the confirmation mail (issue #15, gap 15). */
    String manage(Subscription s) {
        return publicUrl + "/subscriptions/renew-feed/" + required(s.manageToken);
    }

    private static String required(String token) {
        if (token == null) {
            throw new IllegalStateException("only the request that made a subscription knows its tokens");
        }
        return token;
    }
}
