package se.driftinfo.notifier.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache's one promise: nothing loaded before an invalidation is served after it. */
class VersionedCacheTest {

    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    final ExecutorService workers = Executors.newFixedThreadPool(4);
    final VersionedCache<String, String> cache = new VersionedCache<>(v -> Instant.MAX, 10);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void aLoadedValueIsServedUntilInvalidated() throws Exception {
        assertNull(cache.get("k", NOW));
        assertEquals("v1", cache.load("k", k -> "v1", workers).get(5, TimeUnit.SECONDS));
        assertEquals("v1", cache.get("k", NOW));
        cache.invalidate();
        assertNull(cache.get("k", NOW));
        assertEquals("v2", cache.load("k", k -> "v2", workers).get(5, TimeUnit.SECONDS));
        assertEquals("v2", cache.get("k", NOW));
    }

    @Test
    void aLoadThatReadBeforeAChangeAndEndsAfterTheInvalidationIsNotKept() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        CompletableFuture<String> slow = cache.load(
                "k",
                k -> {
                    read.countDown(); // read the database: the old data
                    await(invalidated); // meanwhile the change commits and is announced
                    return "old";
                },
                workers);
        read.await(5, TimeUnit.SECONDS);
        cache.invalidate();
        // A request after the invalidation does not join the old load: it renders again.
        CompletableFuture<String> fresh = cache.load("k", k -> "new", workers);
        assertEquals("new", fresh.get(5, TimeUnit.SECONDS));
        invalidated.countDown();
        assertEquals("old", slow.get(5, TimeUnit.SECONDS), "its own waiting requests still get an answer");
        assertEquals("new", cache.get("k", NOW), "but the old bytes are never served again");

        cache.invalidate();
        CountDownLatch again = new CountDownLatch(1);
        CompletableFuture<String> late = cache.load(
                "k",
                k -> {
                    await(again);
                    return "stale";
                },
                workers);
        cache.invalidate();
        again.countDown();
        late.get(5, TimeUnit.SECONDS);
        assertNull(cache.get("k", NOW), "a value loaded across an invalidation is not served");
    }

    @Test
    void concurrentMissesShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = cache.load(
                "k",
                k -> {
                    loads.incrementAndGet();
                    await(release);
                    return "v";
                },
                workers);
        CompletableFuture<String> second = cache.load("k", k -> "other " + loads.incrementAndGet(), workers);
        assertSame(first, second);
        release.countDown();
        assertEquals("v", second.get(5, TimeUnit.SECONDS));
        assertEquals(1, loads.get());
    }

    @Test
    void aValueIsServedOnlyUntilItsOwnEnd() throws Exception {
        VersionedCache<String, Instant> timed = new VersionedCache<>(v -> v, 10);
        Instant end = NOW.plusSeconds(3600);
        timed.load("k", k -> end, workers).get(5, TimeUnit.SECONDS);
        assertEquals(end, timed.get("k", NOW));
        assertNull(timed.get("k", end), "an open outage's end moves at the full hour");
    }

    @Test
    void failuresAndNullsAreNotKept() throws Exception {
        CompletableFuture<String> failed = cache.load(
                "k",
                k -> {
                    throw new IllegalStateException("database away");
                },
                workers);
        try {
            failed.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            assertEquals("database away", expected.getCause().getMessage());
        }
        assertNull(cache.get("k", NOW));
        assertNull(cache.load("unknown", k -> null, workers).get(5, TimeUnit.SECONDS));
        assertNull(cache.get("unknown", NOW));
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
