package se.driftinfo.notifier.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import se.driftinfo.kit.work.WakeableWork;

/**
 * Queues the open fan-outs batch by batch on a thread of its own, woken when a fan-out commits, and
 * every few seconds for one that a crash or another replica left unfinished. One thread is enough:
 * queuing a batch is far faster than sending it, and the senders start on the first batch at once.
 */
@ApplicationScoped
class FanOutWorker {

    private final OutageFanOuts fanOuts;
    private final WakeableWork work = new WakeableWork("fan-out", this::queueOpenFanOuts);

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
        work.wake();
    }

    /** Each open fan-out batch after batch; after a failure the next run goes on from the last batch. */
    private void queueOpenFanOuts() {
        for (UUID fanOut : fanOuts.open()) {
            while (fanOuts.queueNextBatch(fanOut)) {
                // more subscribers after this batch
            }
        }
    }

    @PreDestroy
    void stop() {
        work.close();
    }
}
