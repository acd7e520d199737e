package se.driftinfo.notifier.subscription;

/**
 * A pending subscription was stored and its address must be confirmed (double opt-in). Fired
 * synchronously in the subscribing transaction, so the confirmation mail is queued with it.
 */
public record SubscriptionRequested(Subscription subscription) {}
