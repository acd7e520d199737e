package se.driftinfo.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryCopyTest {

    @Test
    void aChangeIsReadAtTheNextCallAndOtherwiseTheCopyIsKeptUntilItIsOld() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MemoryCopy<Integer> copy = new MemoryCopy<>(reads::incrementAndGet, Duration.ofSeconds(1));
        assertEquals(1, copy.get());
        assertEquals(1, copy.get());
        copy.changed();
        assertEquals(2, copy.get());
        Thread.sleep(1100);
        assertEquals(3, copy.get());
        assertEquals(3, reads.get());
    }

    @Test
    void whileOneCallerReadsAnOldCopyAgainTheOthersGoOnWithTheOldOne() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        MemoryCopy<Integer> copy = new MemoryCopy<>(
                () -> {
                    int n = reads.incrementAndGet();
                    if (n == 2) {
                        reading.countDown();
                        await(release);
                    }
                    return n;
                },
                Duration.ofMillis(50));
        assertEquals(1, copy.get());
        Thread.sleep(100);
        CompletableFuture<Integer> refresher = CompletableFuture.supplyAsync(copy::get);
        assertTrue(reading.await(5, TimeUnit.SECONDS));
        assertEquals(1, copy.get(), "the old copy, without waiting or a second read");
        assertEquals(2, reads.get());
        release.countDown();
        assertEquals(2, refresher.get(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
