package se.driftinfo.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.driftinfo.notifier.Csv;

/** Subscriptions; a token is found by its hash ({@link Tokens}), never by the token itself. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    private final UnsubscribeTokens unsubscribeTokens;

    public SubscriptionRepository(UnsubscribeTokens unsubscribeTokens) {
        this.unsubscribeTokens = unsubscribeTokens;
    }

    public Optional<Subscription> byFeedToken(String token) {
        return byFeedTokenHash(Tokens.hash(token));
    }

    /** The active subscription whose private feed token has this {@link Tokens#hash}. */
    public Optional<Subscription> byFeedTokenHash(String hash) {
        return find("feedTokenHash = ?1 and status = ?2", hash, Subscription.ACTIVE)
                .firstResultOptional();
    }

    public Optional<Subscription> byConfirmToken(String token) {
        return find("confirmTokenHash", Tokens.hash(token)).firstResultOptional();
    }

    public Optional<Subscription> byManageToken(String token) {
        return find("manageTokenHash", Tokens.hash(token)).firstResultOptional();
    }

    /** By the token derived from the id, or, for a subscription older than that, by the stored hash. */
    public Optional<Subscription> byUnsubscribeToken(String token) {
        Optional<UUID> id = unsubscribeTokens.subscriptionOf(token);
        if (id.isPresent()) {
            return findByIdOptional(id.get());
        }
        return find("legacyUnsubscribeTokenHash", Tokens.hash(token)).firstResultOptional();
    }

    public long pendingSince(String email, Instant since) {
        return count("email = ?1 and status = ?2 and createdAt >= ?3", email, Subscription.PENDING, since);
    }

    /** Another active subscription of the same address than {@code subscription}, if it has one. */
    public Optional<Subscription> otherActive(Subscription subscription) {
        return find(
                        "email = ?1 and status = ?2 and id <> ?3 order by createdAt",
                        subscription.email,
                        Subscription.ACTIVE,
                        subscription.id)
                .firstResultOptional();
    }

    /**
     * Serialises subscribing for one address until the transaction ends: the per-address cap is
     * counted and a new row inserted under this lock, so concurrent requests cannot both pass it.
     */
    public void lockAddress(String email) {
        getEntityManager()
                .createNativeQuery(
                        "select 1 from pg_advisory_xact_lock(hashtext('driftinfo-subscription'), hashtext(?1))")
                .setParameter(1, email)
                .getSingleResult();
    }

    /** Deletes unconfirmed subscriptions made before {@code before}; returns how many. */
    public long deletePendingBefore(Instant before) {
        return delete("status = ?1 and createdAt < ?2", Subscription.PENDING, before);
    }

    /** Active subscriptions that want news about {@code systems} ({@code ,a,b,}) in {@code region}. */
    public List<Subscription> interestedIn(String region, String systems) {
        return list("status = ?1 and regions like ?2 order by id", Subscription.ACTIVE, "%," + region + ",%").stream()
                .filter(s -> s.wants(region, systems))
                .toList();
    }

    public List<Subscription> interestedIn(String region, List<String> systems) {
        return interestedIn(region, Csv.join(systems));
    }

    /**
     * One page of {@link #interestedIn(String, String)}, in id order after {@code after} (null: from
     * the start), at most {@code limit} subscriptions read; those that do not want {@code systems} are
     * left out, so a page may hold fewer. The rows are share-locked until the transaction ends: an
     * unsubscribe waits for it (and then cancels what it queued), or, if first, keeps its subscription
     * out of the page.
     *
     * @return the page, and the id to continue after (null when nothing was read)
     */
    public Page interestedIn(String region, String systems, UUID after, int limit) {
        List<Subscription> read = (after == null
                        ? find("status = ?1 and regions like ?2 order by id", Subscription.ACTIVE, "%," + region + ",%")
                        : find(
                                "status = ?1 and regions like ?2 and id > ?3 order by id",
                                Subscription.ACTIVE,
                                "%," + region + ",%",
                                after))
                .withLock(LockModeType.PESSIMISTIC_READ)
                .page(0, limit)
                .list();
        UUID last = read.isEmpty() ? null : read.get(read.size() - 1).id;
        return new Page(read.stream().filter(s -> s.wants(region, systems)).toList(), last, read.size() < limit);
    }

    /**
     * @param last the id the next page starts after
     * @param end no subscription after this page
     */
    public record Page(List<Subscription> wanting, UUID last, boolean end) {}
}
