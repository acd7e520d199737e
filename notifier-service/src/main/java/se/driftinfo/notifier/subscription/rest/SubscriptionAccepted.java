package se.driftinfo.notifier.subscription.rest;

/** Answer to a subscription request: nothing is active until the address is confirmed. */
public record SubscriptionAccepted(String status, String message) {}
