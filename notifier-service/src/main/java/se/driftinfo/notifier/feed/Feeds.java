package se.driftinfo.notifier.feed;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The feeds as served: each rendered once per change of the read model and then answered from memory
 * (issue #14). {@link #cached} is what a request thread asks first, without blocking; only when it
 * gets nothing does {@link #load} render on a worker thread, once for all requests waiting on the same
 * feed. What was rendered is dropped when the read model changes: at once on the replica that made the
 * change, within {@code driftinfo.notifier.feeds.version-check-every} on every other one
 * ({@link FeedVersions}).
 *
 * <p>A private feed's token is looked up once and remembered (by its hash) until a subscription
 * changes anywhere; subscribers who chose the same regions and systems share one rendering.
 */
@ApplicationScoped
public class Feeds {

    /**
     * Feeds kept in memory at most: regions, systems, "all" and the subscribers' distinct choices, in
     * direct memory (a region's 200 windows are 98 KB, plus 9 KB gzipped). Past this, a feed is
     * rendered for each request, as before issue #14.
     */
    static final int MAX_FEEDS = 500;
    /** Private feed tokens remembered at most (only tokens that exist are remembered). */
    static final int MAX_TOKENS = 200_000;

    private final FeedSource source;
    private final Clock clock;
    private final Executor workers;
    private final VersionedCache<FeedKey, RenderedFeed> feeds =
            new VersionedCache<>(RenderedFeed::validUntil, MAX_FEEDS);
    private final VersionedCache<String, Optional<FeedKey>> tokens = new VersionedCache<>(k -> Instant.MAX, MAX_TOKENS);

    public Feeds(FeedSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.workers = command -> Infrastructure.getDefaultWorkerPool().execute(command);
    }

    /** The feed's current bytes if they are in memory, else null. Never blocks. */
    public RenderedFeed cached(FeedKey key) {
        return feeds.get(key, Instant.now(clock));
    }

    /** Renders the feed on a worker thread (or waits for the rendering in progress). */
    public CompletionStage<RenderedFeed> load(FeedKey key) {
        return feeds.load(key, source::render, workers);
    }

    /**
     * The feed of the private feed token with this hash if it is remembered: empty if the token is
     * unknown or not remembered. Never blocks.
     */
    public Optional<FeedKey> cachedSubscriber(String tokenHash) {
        Optional<FeedKey> key = tokens.get(tokenHash, Instant.now(clock));
        return key == null ? Optional.empty() : key;
    }

    /** Looks the token up on a worker thread; empty if no active subscription has it (not remembered). */
    public CompletionStage<Optional<FeedKey>> loadSubscriber(String tokenHash) {
        return tokens.load(
                        tokenHash,
                        hash -> source.subscriberFeed(hash).map(Optional::of).orElse(null),
                        workers)
                .thenApply(key -> key == null ? Optional.empty() : key);
    }

    /** Windows, outages or the catalog changed: every feed is rendered again when next asked for. */
    public void contentChanged() {
        feeds.invalidate();
    }

    /** A subscription changed (confirmed, unsubscribed, renewed): private feed tokens are looked up again. */
    public void subscriptionsChanged() {
        tokens.invalidate();
    }

    /** How often the feeds were dropped so far (tests). */
    long contentGeneration() {
        return feeds.generation();
    }
}
