package se.driftinfo.notifier.subscription;

/**
 * A subscription's private feed address was replaced; the old one must stop working. Fired in the
 * renewing transaction (the feeds drop the old address from memory once it commits).
 */
public record FeedTokenRenewed(Subscription subscription) {}
