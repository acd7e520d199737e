package se.driftinfo.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.notifier.catalog.Catalog;

/** Subscribe, confirm, unsubscribe, renew the feed token: each one transaction. */
@ApplicationScoped
public class SubscriptionService {

    /** At most this many unconfirmed requests per address and {@link #PENDING_WINDOW} get a mail. */
    static final int MAX_PENDING = 3;

    static final Duration PENDING_WINDOW = Duration.ofHours(24);

    private final SubscriptionRepository subscriptions;
    private final Catalog catalog;
    private final Event<SubscriptionRequested> requested;
    private final Clock clock;

    public SubscriptionService(
            SubscriptionRepository subscriptions,
            Catalog catalog,
            Event<SubscriptionRequested> requested,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.requested = requested;
        this.clock = clock;
    }

    /** Validates against the catalog replica, stores a pending subscription and queues the confirmation mail. */
    @Transactional
    public Subscription subscribe(@Valid @NotNull SubscriptionRequest request) {
        List<String> systems = request.systems() == null ? List.of() : request.systems();
        List<RegionV1> regions = new ArrayList<>();
        for (int i = 0; i < request.regions().size(); i++) {
            String code = request.regions().get(i);
            regions.add(catalog.region(code)
                    .orElseThrow(() -> new InvalidFieldException(
                            "regions[" + regions.size() + "]", "'" + code + "' is not a known region")));
        }
        for (int i = 0; i < systems.size(); i++) {
            String code = systems.get(i);
            boolean lent = regions.stream()
                    .anyMatch(r -> r.systems().stream().anyMatch(s -> s.code().equals(code)));
            if (!lent) {
                throw new InvalidFieldException(
                        "systems[" + i + "]", "'" + code + "' is not a system of the chosen regions");
            }
        }
        Instant now = Instant.now(clock);
        Subscription subscription =
                Subscription.pending(request.email(), request.regions(), systems, request.language(), now);
        // The form is public: without a cap anyone could flood a stranger's mailbox with confirmations.
        // Over the cap the request still looks accepted, so it reveals nothing about the address.
        if (subscriptions.pendingSince(subscription.email, now.minus(PENDING_WINDOW)) >= MAX_PENDING) {
            return subscription;
        }
        subscriptions.persist(subscription);
        // Observed in this transaction: the confirmation mail is queued with the subscription or not at all.
        requested.fire(new SubscriptionRequested(subscription));
        return subscription;
    }

    @Transactional
    public Subscription confirm(String token) {
        Subscription subscription = subscriptions.byConfirmToken(token).orElseThrow(SubscriptionService::notFound);
        subscription.confirm(Instant.now(clock));
        return subscription;
    }

    @Transactional
    public Subscription unsubscribe(String token) {
        Subscription subscription = subscriptions.byUnsubscribeToken(token).orElseThrow(SubscriptionService::notFound);
        subscription.unsubscribe(Instant.now(clock));
        return subscription;
    }

    /** Revokes the private feed address and issues a new one. */
    @Transactional
    public Subscription renewFeedToken(String unsubscribeToken) {
        Subscription subscription =
                subscriptions.byUnsubscribeToken(unsubscribeToken).orElseThrow(SubscriptionService::notFound);
        subscription.renewFeedToken();
        return subscription;
    }

    @Transactional
    public Subscription byUnsubscribeToken(String token) {
        return subscriptions.byUnsubscribeToken(token).orElseThrow(SubscriptionService::notFound);
    }

    @Transactional
    public Subscription byConfirmToken(String token) {
        return subscriptions.byConfirmToken(token).orElseThrow(SubscriptionService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Subscription");
    }
}
