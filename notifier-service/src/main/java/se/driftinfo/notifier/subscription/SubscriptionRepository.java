package se.driftinfo.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.driftinfo.notifier.Csv;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public Optional<Subscription> byFeedToken(String token) {
        return find("feedToken = ?1 and status = ?2", token, Subscription.ACTIVE)
                .firstResultOptional();
    }

    public Optional<Subscription> byConfirmToken(String token) {
        return find("confirmToken", token).firstResultOptional();
    }

    public Optional<Subscription> byUnsubscribeToken(String token) {
        return find("unsubscribeToken", token).firstResultOptional();
    }

    public long pendingSince(String email, java.time.Instant since) {
        return count("email = ?1 and status = ?2 and createdAt >= ?3", email, Subscription.PENDING, since);
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
}
