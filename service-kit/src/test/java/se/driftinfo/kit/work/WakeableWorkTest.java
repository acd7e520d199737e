package se.driftinfo.kit.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The relay, the fan-out and the mail senders lean on this: no wake-up is lost, and many during a pass make one more. */
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
    void aWakeUpAfterAPassMakesExactlyOnePassHoweverTheWorkerStops() throws Exception {
        // Each wake-up comes just as the pass before it ends, while its worker is somewhere between
        // its last look and stopping: that worker must not count a wake-up of its own and make a pass
        // nobody asked for (it did, now and then, on a loaded machine).
        Semaphore passesDone = new Semaphore(0);
        AtomicInteger passes = new AtomicInteger();
        int wakeUps = 20_000;
        try (WakeableWork work = new WakeableWork("test-work", () -> {
            passes.incrementAndGet();
            passesDone.release();
        })) {
            for (int i = 0; i < wakeUps; i++) {
                work.wake();
                assertTrue(passesDone.tryAcquire(10, TimeUnit.SECONDS), "wake-up " + i + " made its pass");
            }
            assertTrue(!passesDone.tryAcquire(300, TimeUnit.MILLISECONDS), "no pass more than the wake-ups asked for");
            assertEquals(wakeUps, passes.get());
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

    @Test
    void aWakeUpStartsEveryWorkerAndNeverMoreThanThatManyAtOnce() throws Exception {
        int workers = 3;
        CountDownLatch allStarted = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Semaphore passesDone = new Semaphore(0);
        try (WakeableWork work = new WakeableWork("test-senders", workers, () -> {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            allStarted.countDown();
            await(release);
            atOnce.decrementAndGet();
            passesDone.release();
        })) {
            for (int i = 0; i < 20; i++) {
                work.wake();
            }
            assertTrue(allStarted.await(10, TimeUnit.SECONDS), "one wake-up's worth started all three workers");
            release.countDown();
            assertTrue(passesDone.tryAcquire(workers, 10, TimeUnit.SECONDS));
            // A worker that saw wake-ups come during its pass makes one more; then they all stop.
            int more = 0;
            while (passesDone.tryAcquire(300, TimeUnit.MILLISECONDS)) {
                more++;
            }
            assertTrue(more <= workers, "twenty wake-ups made at most one more pass per worker, not " + more);
            assertEquals(workers, mostAtOnce.get(), "never more workers at once than asked for");
        }
    }

    @Test
    void aWakeUpForOneItemStartsOneWorkerNotAll() throws Exception {
        Semaphore passesDone = new Semaphore(0);
        AtomicInteger passes = new AtomicInteger();
        try (WakeableWork work = new WakeableWork("test-senders", 8, () -> {
            passes.incrementAndGet();
            passesDone.release();
        })) {
            work.wakeOne();
            assertTrue(passesDone.tryAcquire(10, TimeUnit.SECONDS));
            assertTrue(!passesDone.tryAcquire(300, TimeUnit.MILLISECONDS), "one pass, not one per worker");
            work.wake();
            assertTrue(passesDone.tryAcquire(8, 10, TimeUnit.SECONDS), "a wake-up for much work starts all eight");
        }
    }

    @Test
    void noWakeUpForOneItemIsLostHoweverTheWorkersStop() throws Exception {
        // Each wake-up comes just as a pass ends, while its worker may be between its last look and
        // stopping; the item it announces must be seen by a pass that starts after it.
        AtomicInteger announced = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        Semaphore passesDone = new Semaphore(0);
        int wakeUps = 20_000;
        try (WakeableWork work = new WakeableWork("test-senders", 8, () -> {
            seen.accumulateAndGet(announced.get(), Math::max);
            passesDone.release();
        })) {
            for (int i = 1; i <= wakeUps; i++) {
                announced.set(i);
                work.wakeOne();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (seen.get() < i) {
                    assertTrue(System.nanoTime() < until, "wake-up " + i + " was seen by a pass");
                    passesDone.tryAcquire(10, TimeUnit.MILLISECONDS);
                }
            }
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
