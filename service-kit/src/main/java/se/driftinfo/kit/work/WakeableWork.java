package se.driftinfo.kit.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Work done on a thread of its own, a pass at a time, when something says there may be some (a
 * commit, a schedule). Wake-ups that arrive while a pass runs are folded into one more pass, so under
 * load each pass takes what arrived during the previous one; and none is lost, even one that comes
 * just as a pass ends. The outbox relay and the notifier's fan-out work this way on one thread, the
 * notifier's mail senders on several: a wake-up starts every worker not yet running ({@link #wakeOne}
 * only one when none is), and each worker runs passes of its own until it has seen every wake-up that
 * came.
 */
public final class WakeableWork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WakeableWork.class);

    private final String name;
    private final Runnable pass;
    private final int workers;
    private final ExecutorService threads;
    /** Workers running or queued on {@link #threads}. */
    private final AtomicInteger running = new AtomicInteger();
    /** Counts wake-ups, so that one arriving while a pass ends is not lost. */
    private final AtomicLong wakes = new AtomicLong();
    /** The most wake-ups any pass had seen when it started: those are answered. */
    private final AtomicLong answered = new AtomicLong();

    /** @param pass does all the work there is now; it is never run twice at once */
    public WakeableWork(String name, Runnable pass) {
        this(name, 1, pass);
    }

    /**
     * @param workers threads that run {@code pass} at once, each named {@code name-1}, {@code name-2}…
     *     (one is named {@code name})
     * @param pass does all the work there is now; with several workers it must share the work safely
     */
    public WakeableWork(String name, int workers, Runnable pass) {
        this.name = name;
        this.workers = workers;
        this.pass = pass;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, workers == 1 ? name : name + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** There may be work: starts the workers not running, or makes the running ones look once more. */
    public void wake() {
        wakes.incrementAndGet();
        startWorkersUpTo(workers);
    }

    /**
     * A little work may be waiting (one mail, say): starts one worker if none is running, or makes the
     * running ones look once more. Several workers all looking for one item cost a search each and
     * found it once: under a stream of single items, each costs one search instead of one per worker.
     */
    public void wakeOne() {
        wakes.incrementAndGet();
        startWorkersUpTo(1);
    }

    /** Starts workers until {@code most} are running (never more than {@link #workers}). */
    private void startWorkersUpTo(int most) {
        // Claim every idle place at once, then start that many: a loop that looked again after each
        // start would start one more whenever a worker just started had already finished.
        int now;
        do {
            now = running.get();
            if (now >= most) {
                return;
            }
        } while (!running.compareAndSet(now, most));
        for (int started = now; started < most; started++) {
            try {
                threads.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // Shutting down: what is left waits for the next start.
                running.addAndGet(started - most);
                return;
            }
        }
    }

    private void drain() {
        try {
            long seen;
            do {
                seen = wakes.get();
                answered.accumulateAndGet(seen, Math::max);
                pass.run();
            } while (seen != wakes.get());
        } catch (RuntimeException e) {
            // Not at once again for the wake-ups this pass answered (it would likely fail the same way);
            // one that came during it still gets its pass.
            LOG.warnf("%s stopped, the next run goes on: %s", name, e.getMessage());
        } finally {
            running.decrementAndGet();
        }
        // A wake-up between the last look and stopping found every worker running: look again. Not
        // counted as a wake-up, and not if a pass that started since has answered it, or a slow worker
        // stopping late would make a pass nobody asked for.
        if (answered.get() != wakes.get()) {
            startWorkersUpTo(workers);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
