package se.driftinfo.notifier.subscription;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.notifier.Limits;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.subscription.Subscription.ConfirmLink;

/** Subscribe, confirm, unsubscribe, renew the feed token: each one transaction. */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    /** At most this many unconfirmed requests per address and {@link #PENDING_WINDOW} get a mail. */
    static final int MAX_PENDING = 3;

    static final Duration PENDING_WINDOW = Duration.ofHours(24);

    /** A confirmation link, what it does now, and the subscription it belongs to. */
    public record Confirmation(Subscription subscription, ConfirmLink link) {}

    private final SubscriptionRepository subscriptions;
    private final Catalog catalog;
    private final Event<SubscriptionRequested> requested;
    private final Event<SubscriptionEnded> ended;
    private final Event<FeedTokenRenewed> renewed;
    private final RateLimits rateLimits;
    private final Duration pendingFor;
    private final Clock clock;

    public SubscriptionService(
            SubscriptionRepository subscriptions,
            Catalog catalog,
            Event<SubscriptionRequested> requested,
            Event<SubscriptionEnded> ended,
            Event<FeedTokenRenewed> renewed,
            RateLimits rateLimits,
            NotifierConfig config,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.requested = requested;
        this.ended = ended;
        this.renewed = renewed;
        this.rateLimits = rateLimits;
        this.pendingFor = config.subscriptions().pendingExpiry();
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
        // A stranger must not be able to mail-bomb an address by asking again and again: a few
        // confirmation mails per address and hour, then 429 (counted per replica, in memory) ...
        rateLimits.check(Limits.CONFIRMATION_MAIL, mailbox(subscription.email));
        // ... and at most MAX_PENDING a day in all, counted in the database. Counting, then inserting,
        // under a lock per address: concurrent requests for one address take turns (gap 12).
        subscriptions.lockAddress(subscription.email);
        // Over the cap the request still looks accepted, so it reveals nothing about the address.
        if (subscriptions.pendingSince(subscription.email, now.minus(PENDING_WINDOW)) >= MAX_PENDING) {
            return subscription;
        }
        subscriptions.persist(subscription);
        // Observed in this transaction: the confirmation mail is queued with the subscription or not at all.
        requested.fire(new SubscriptionRequested(subscription));
        return subscription;
    }

    /** What the confirmation link {@code token} would do now; nothing changes. */
    @Transactional
    public Confirmation confirmation(String token) {
        Subscription s = subscriptions.byConfirmToken(token).orElseThrow(SubscriptionService::notFound);
        return new Confirmation(s, s.confirmLink(Instant.now(clock), pendingFor));
    }

    /** Confirms the address if the link is valid: once, and only within the pending expiry. */
    @Transactional
    public Confirmation confirm(String token) {
        Subscription s = subscriptions.byConfirmToken(token).orElseThrow(SubscriptionService::notFound);
        return new Confirmation(s, s.confirm(Instant.now(clock), pendingFor));
    }

    /** Ends the subscription; mail still queued for it is cancelled in the same transaction (gap 6). */
    @Transactional
    public Subscription unsubscribe(String token) {
        Subscription subscription = subscriptions.byUnsubscribeToken(token).orElseThrow(SubscriptionService::notFound);
        // Locked first: a fan-out batch that read this subscription commits its mail before the
        // queued mail is cancelled below, and a later batch no longer finds it active.
        subscriptions.getEntityManager().lock(subscription, LockModeType.PESSIMISTIC_WRITE);
        subscription.unsubscribe(Instant.now(clock));
        ended.fire(new SubscriptionEnded(subscription));
        return subscription;
    }

    /**
     * Revokes the private feed address and issues a new one. Authorised by the manage token from the
     * confirmation mail, not by the unsubscribe token that every mail's header carries (gap 15).
     */
    @Transactional
    public Subscription renewFeedToken(String manageToken) {
        Subscription subscription = byManageToken(manageToken);
        subscription.renewFeedToken();
        renewed.fire(new FeedTokenRenewed(subscription));
        return subscription;
    }

    @Transactional
    public Subscription byUnsubscribeToken(String token) {
        return subscriptions.byUnsubscribeToken(token).orElseThrow(SubscriptionService::notFound);
    }

    @Transactional
    public Subscription byManageToken(String token) {
        return subscriptions.byManageToken(token).orElseThrow(SubscriptionService::notFound);
    }

    /** The subscription whose feed the manage token renews; a conflict if it has no feed to renew. */
    @Transactional
    public Subscription renewablyByManageToken(String token) {
        Subscription subscription = byManageToken(token);
        if (!subscription.active()) {
            throw new ConflictException("Only a confirmed subscription has a feed");
        }
        return subscription;
    }

    /**
     * Deletes unconfirmed subscriptions nobody confirmed in time: an address someone typed is not kept.
     * Kept at least as long as the per-address cap counts them.
     */
    @Scheduled(
            every = "${driftinfo.notifier.subscriptions.cleanup-every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpiredHourly() {
        deleteExpired();
    }

    /** See {@link #deleteExpiredHourly}; returns how many were deleted. */
    @Transactional
    public long deleteExpired() {
        Duration keep = pendingFor.compareTo(PENDING_WINDOW) > 0 ? pendingFor : PENDING_WINDOW;
        long deleted = subscriptions.deletePendingBefore(Instant.now(clock).minus(keep));
        if (deleted > 0) {
            LOG.infof("Deleted %d unconfirmed subscription(s) older than %s", deleted, keep);
        }
        return deleted;
    }

    /** The mailbox an address reaches: {@code a+tag@x} and {@code a@x} are one recipient to a limit. */
    static String mailbox(String email) {
        int at = email.lastIndexOf('@');
        int plus = email.indexOf('+');
        return plus > 0 && plus < at ? email.substring(0, plus) + email.substring(at) : email;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Subscription");
    }
}
