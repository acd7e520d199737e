package se.driftinfo.notifier.feed;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values loaded once and kept until {@link #invalidate} (or their own expiry), safe against a load
 * that races an invalidation: each value is stored with the generation that was current when its load
 * <em>started</em>, and is only served while that generation is still current. A load that read the
 * database before a change committed, and finishes after the invalidation that the change caused, is
 * thus never served. Concurrent misses of one key share one load (one render per change, not one per
 * waiting request); a request that comes after an invalidation does not join a load started before it.
 */
final class VersionedCache<K, V> {

    private record Entry<V>(V value, long generation, Instant validUntil) {}

    private record Load<V>(long generation, CompletableFuture<V> result) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Load<V>> loads = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Function<V, Instant> validUntil;
    private final int maxEntries;

    /**
     * @param validUntil until when a value may be served, whatever happens (Instant.MAX: until invalidated)
     * @param maxEntries beyond this many keys values are loaded for each request, not kept
     */
    VersionedCache(Function<V, Instant> validUntil, int maxEntries) {
        this.validUntil = validUntil;
        this.maxEntries = maxEntries;
    }

    /** The value held for {@code key} if it is still current at {@code now}, or null. */
    V get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null || entry.generation != generation.get() || !now.isBefore(entry.validUntil)) {
            return null;
        }
        return entry.value;
    }

    /**
     * Loads {@code key} on {@code executor} (or joins the load in progress of the current generation)
     * and keeps a non-null result. A failure is not kept: the next request tries again.
     */
    CompletableFuture<V> load(K key, Function<K, V> loader, Executor executor) {
        while (true) {
            long current = generation.get();
            Load<V> running = loads.get(key);
            if (running != null && running.generation == current) {
                return running.result;
            }
            Load<V> mine = new Load<>(current, new CompletableFuture<>());
            boolean started =
                    running == null ? loads.putIfAbsent(key, mine) == null : loads.replace(key, running, mine);
            if (!started) {
                continue;
            }
            executor.execute(() -> {
                try {
                    V value = loader.apply(key);
                    // Kept only if no invalidation came meanwhile (it would never be served), and never
                    // in place of what a later load of a newer generation kept.
                    if (value != null
                            && generation.get() == current
                            && (entries.size() < maxEntries || entries.containsKey(key))) {
                        Entry<V> loaded = new Entry<>(value, current, validUntil.apply(value));
                        entries.merge(key, loaded, (held, fresh) -> held.generation > current ? held : fresh);
                    }
                    loads.remove(key, mine);
                    mine.result.complete(value);
                } catch (Throwable e) {
                    loads.remove(key, mine);
                    mine.result.completeExceptionally(e);
                }
            });
            return mine.result;
        }
    }

    /** Nothing held so far is served again; loads in progress finish for the requests that wait on them. */
    void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many times this cache was invalidated (tests, metrics). */
    long generation() {
        return generation.get();
    }
}
