package se.driftinfo.notifier.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Queues the open fan-outs batch by batch on a thread of its own, woken when a fan-out commits, and
 * every few seconds for one that a crash or another replica left unfinished. One thread is enough:
 * queuing a batch is far faster than sending it, and the senders start on the first batch at once.
 */
@ApplicationScoped
class FanOutWorker {

    private static final Logger LOG = Logger.getLogger(FanOutWorker.class);

    private final OutageFanOuts fanOuts;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fan-out");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    /** Counts wake-ups, so that one arriving while a pass ends is not lost. */
    private final AtomicLong wakes = new AtomicLong();

    FanOutWorker(OutageFanOuts fanOuts) {
        this.fanOuts = fanOuts;
    }

    @Scheduled(
            every = "${driftinfo.notifier.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void wake() {
        wakes.incrementAndGet();
        if (running.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    private void drain() {
        long seen;
        try {
            do {
                seen = wakes.get();
                for (UUID fanOut : fanOuts.open()) {
                    while (fanOuts.queueNextBatch(fanOut)) {
                        // more subscribers after this batch
                    }
                }
            } while (seen != wakes.get());
        } catch (RuntimeException e) {
            LOG.warnf("Fan-out stopped, the next run goes on from the last batch: %s", e.getMessage());
            seen = wakes.get();
        } finally {
            running.set(false);
        }
        if (seen != wakes.get()) {
            wake();
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
