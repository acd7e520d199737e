package se.driftinfo.notifier.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.outage.OutageRepository;
import se.driftinfo.notifier.outage.OutageView;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionRepository;
import se.driftinfo.notifier.window.WindowRepository;
import se.driftinfo.notifier.window.WindowView;

/**
 * Reads the read model and renders one feed (blocking: a worker thread, one transaction). What
 * {@link Feeds} calls when it holds no current bytes for a feed.
 */
@ApplicationScoped
public class FeedSource {

    /** Resolved outages stay in feeds this long, then drop out so feeds do not grow forever. */
    static final Duration RESOLVED_OUTAGES_KEPT = Duration.ofDays(90);

    private final FeedRenderer renderer;
    private final WindowRepository windows;
    private final OutageRepository outages;
    private final SubscriptionRepository subscriptions;
    private final Catalog catalog;
    private final FeedMessages messages;
    private final Clock clock;

    public FeedSource(
            FeedRenderer renderer,
            WindowRepository windows,
            OutageRepository outages,
            SubscriptionRepository subscriptions,
            Catalog catalog,
            FeedMessages messages,
            Clock clock) {
        this.renderer = renderer;
        this.windows = windows;
        this.outages = outages;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    /** The feed's bytes now; a region or system that neither the catalog nor any window knows is not found. */
    @Transactional
    public RenderedFeed render(FeedKey key) {
        Instant now = Instant.now(clock);
        return switch (key.kind()) {
            case ALL -> render(messages.allRegions(), windows.all(), recent(outages.all(), now), now);
            case REGION -> {
                List<WindowView> inRegion = windows.inRegion(key.code());
                if (catalog.region(key.code()).isEmpty() && inRegion.isEmpty()) {
                    throw new NotFoundException("Region '" + key.code() + "'");
                }
                yield render(
                        messages.named(catalog.regionName(key.code())),
                        inRegion,
                        recent(outages.inRegion(key.code()), now),
                        now);
            }
            case SYSTEM -> {
                List<WindowView> forSystem = windows.forSystem(key.code());
                if (!catalog.knowsSystem(key.code()) && forSystem.isEmpty()) {
                    throw new NotFoundException("System '" + key.code() + "'");
                }
                String name = catalog.regions().stream()
                        .flatMap(r -> r.systems().stream())
                        .filter(s -> s.code().equals(key.code()))
                        .map(s -> s.name())
                        .findFirst()
                        .orElse(key.code());
                yield render(messages.named(name), forSystem, recent(outages.forSystem(key.code()), now), now);
            }
            case SUBSCRIBER -> {
                List<WindowView> mine = windows.all().stream()
                        .filter(w -> Subscription.wants(key.code(), key.systems(), w.region, w.systems))
                        .toList();
                List<OutageView> myOutages = recent(outages.all(), now).stream()
                        .filter(o -> Subscription.wants(key.code(), key.systems(), o.region, o.systems))
                        .toList();
                yield render(messages.mine(), mine, myOutages, now);
            }
        };
    }

    /** Which feed the private feed token with this hash shows: the active subscription's choice, if any. */
    @Transactional
    public Optional<FeedKey> subscriberFeed(String tokenHash) {
        return subscriptions.byFeedTokenHash(tokenHash).map(s -> FeedKey.subscriber(s.regions, s.systems));
    }

    private RenderedFeed render(String name, List<WindowView> windows, List<OutageView> outages, Instant now) {
        byte[] text = renderer.render(name, windows, outages, now).getBytes(StandardCharsets.UTF_8);
        return RenderedFeed.of(text, validUntil(outages, now));
    }

    /**
     * Until when these bytes are what a request would get: an open outage is drawn up to the next full
     * hour after now, and a resolved outage drops out {@link #RESOLVED_OUTAGES_KEPT} after it ended.
     * Windows' texts do not depend on the time of the request.
     */
    static Instant validUntil(List<OutageView> outages, Instant now) {
        Instant until = Instant.MAX;
        for (OutageView o : outages) {
            Instant change = o.active()
                    ? now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))
                    : o.resolvedAt.plus(RESOLVED_OUTAGES_KEPT);
            if (change.isBefore(until)) {
                until = change;
            }
        }
        return until;
    }

    private List<OutageView> recent(List<OutageView> all, Instant now) {
        Instant cutoff = now.minus(RESOLVED_OUTAGES_KEPT);
        return all.stream()
                .filter(o -> o.active() || o.resolvedAt.isAfter(cutoff))
                .toList();
    }
}
