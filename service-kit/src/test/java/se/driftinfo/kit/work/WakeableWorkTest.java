package se.driftinfo.kit.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The relay and the fan-out lean on this: no wake-up is lost, and many during a pass make one more. */
class WakeableWorkTest {

    @Test
    void wakeUpsDuringAPassMakeExactlyOneMorePass() throws Exception {
        CountDownLatch firstPassStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstPass = new CountDownLatch(1);
        Semaphore passesDone = new Semaphore(0);
        AtomicInteger passes = new AtomicInteger();
        try (WakeableWork work = new WakeableWork("test-work", () -> {
            if (passes.incrementAndGet() == 1) {
                firstPassStarted.countDown();
                await(releaseFirstPass);
            }
            passesDone.release();
        })) {
            work.wake();
            assertTrue(firstPassStarted.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 50; i++) {
                work.wake();
            }
            releaseFirstPass.countDown();

            assertTrue(passesDone.tryAcquire(2, 10, TimeUnit.SECONDS), "the pass the wake-ups asked for ran");
            assertTrue(!passesDone.tryAcquire(300, TimeUnit.MILLISECONDS), "fifty wake-ups made one pass, not fifty");
            assertEquals(2, passes.get());

            work.wake();
            assertTrue(passesDone.tryAcquire(10, TimeUnit.SECONDS), "a wake-up after the passes starts another");
            assertEquals(3, passes.get());
        }
    }

    @Test
    void aFailedPassDoesNotStopLaterWakeUps() throws Exception {
        Semaphore passesDone = new Semaphore(0);
        AtomicInteger passes = new AtomicInteger();
        try (WakeableWork work = new WakeableWork("test-work", () -> {
            boolean first = passes.incrementAndGet() == 1;
            passesDone.release();
            if (first) {
                throw new IllegalStateException("the database is away");
            }
        })) {
            work.wake();
            assertTrue(passesDone.tryAcquire(10, TimeUnit.SECONDS));
            work.wake();
            assertTrue(passesDone.tryAcquire(10, TimeUnit.SECONDS), "the next wake-up runs a pass again");
            assertEquals(2, passes.get());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
