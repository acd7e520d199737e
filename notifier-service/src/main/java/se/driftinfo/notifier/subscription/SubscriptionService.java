package se.driftinfo.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.problem.ProblemException;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.delivery.Notifications;

/** Subscribe, confirm, unsubscribe, renew the feed token: each one transaction. */
@ApplicationScoped
public class SubscriptionService {

    /** At most this many unconfirmed requests per address and {@link #PENDING_WINDOW} get a mail. */
    static final int MAX_PENDING = 3;

    static final Duration PENDING_WINDOW = Duration.ofHours(24);

    private final SubscriptionRepository subscriptions;
    private final Catalog catalog;
    private final Notifications notifications;
    private final Clock clock;

    public SubscriptionService(
            SubscriptionRepository subscriptions, Catalog catalog, Notifications notifications, Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Validates against the catalog replica, stores a pending subscription and queues the confirmation mail. */
    @Transactional
    public Subscription subscribe(@Valid @NotNull SubscriptionRequest request) {
        List<String> systems = request.systems() == null ? List.of() : request.systems();
        List<RegionV1> regions = new java.util.ArrayList<>();
        for (int i = 0; i < request.regions().size(); i++) {
            String code = request.regions().get(i);
            regions.add(catalog.region(code)
                    .orElseThrow(() -> ProblemException.invalidField(
                            "regions[" + regions.size() + "]", "'" + code + "' is not a known region")));
        }
        for (int i = 0; i < systems.size(); i++) {
            String code = systems.get(i);
            boolean lent = regions.stream()
                    .anyMatch(r -> r.systems().stream().anyMatch(s -> s.code().equals(code)));
            if (!lent) {
                throw ProblemException.invalidField(
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
        notifications.confirmation(subscription);
        return subscription;
    }

    @Transactional
    public Subscription confirm(String token) {
        Subscription subscription =
                subscriptions.byConfirmToken(token).orElseThrow(() -> ProblemException.notFound("Subscription"));
        subscription.confirm(Instant.now(clock));
        return subscription;
    }

    @Transactional
    public Subscription unsubscribe(String token) {
        Subscription subscription =
                subscriptions.byUnsubscribeToken(token).orElseThrow(() -> ProblemException.notFound("Subscription"));
        subscription.unsubscribe(Instant.now(clock));
        return subscription;
    }

    /** Revokes the private feed address and issues a new one. */
    @Transactional
    public Subscription renewFeedToken(String unsubscribeToken) {
        Subscription subscription = subscriptions
                .byUnsubscribeToken(unsubscribeToken)
                .orElseThrow(() -> ProblemException.notFound("Subscription"));
        subscription.renewFeedToken();
        return subscription;
    }

    @Transactional
    public Subscription byUnsubscribeToken(String token) {
        return subscriptions.byUnsubscribeToken(token).orElseThrow(() -> ProblemException.notFound("Subscription"));
    }

    @Transactional
    public Subscription byConfirmToken(String token) {
        return subscriptions.byConfirmToken(token).orElseThrow(() -> ProblemException.notFound("Subscription"));
    }
}
