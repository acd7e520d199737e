package se.driftinfo.notifier.subscription;

/**
 * A subscription was cancelled (one-click unsubscribe). Fired synchronously in the unsubscribing
 * transaction, so mail still queued for it is cancelled with it or not at all.
 */
public record SubscriptionEnded(Subscription subscription) {}
