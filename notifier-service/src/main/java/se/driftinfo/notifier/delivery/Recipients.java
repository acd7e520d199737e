package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionRepository;

/** Who hears about what: confirmed subscribers of a region's systems, or the one who reported a fault. */
@ApplicationScoped
class Recipients {

    private final SubscriptionRepository subscriptions;

    Recipients(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Active subscriptions that want news about any of {@code systems} in {@code region}. */
    List<Subscription> interestedIn(String region, List<String> systems) {
        return subscriptions.interestedIn(region, systems);
    }

    /** One batch of {@link #interestedIn}, after {@code after}, locked until the transaction ends. */
    SubscriptionRepository.Page interestedIn(String region, String systems, UUID after, int limit) {
        return subscriptions.interestedIn(region, systems, after, limit);
    }

    /** Another active subscription of the same address, which may want the same mail. */
    Optional<Subscription> otherActive(Subscription subscription) {
        return subscriptions.otherActive(subscription);
    }

    /** The reporter's address, if the report gave one; reporters are told, though they subscribe to nothing. */
    Optional<String> reporter(FaultReportV1 report) {
        if (report.contactEmail() == null || report.contactEmail().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(report.contactEmail().trim().toLowerCase());
    }
}
