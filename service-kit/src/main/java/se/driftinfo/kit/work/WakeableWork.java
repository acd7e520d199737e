package se.driftinfo.kit.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Work done on a thread of its own, a pass at a time, when something says there may be some (a
 * commit, a schedule). Wake-ups that arrive while a pass runs are folded into one more pass, so under
 * load each pass takes what arrived during the previous one; and none is lost, even one that comes
 * just as a pass ends. The outbox relay and the notifier's fan-out work this way.
 */
public final class WakeableWork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WakeableWork.class);

    private final String name;
    private final Runnable pass;
    private final ExecutorService thread;
    /** Whether a pass is running or queued on {@link #thread}. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Counts wake-ups, so that one arriving while a pass ends is not lost. */
    private final AtomicLong wakes = new AtomicLong();

    /** @param pass does all the work there is now; it is never run twice at once */
    public WakeableWork(String name, Runnable pass) {
        this.name = name;
        this.pass = pass;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** There may be work: starts a pass, or makes the running one look once more. Cheap to call often. */
    public void wake() {
        wakes.incrementAndGet();
        if (running.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // Shutting down: what is left waits for the next start.
                running.set(false);
            }
        }
    }

    private void drain() {
        long seen = wakes.get();
        try {
            do {
                seen = wakes.get();
                pass.run();
            } while (seen != wakes.get());
        } catch (RuntimeException e) {
            // Not at once again for the wake-ups this pass answered (it would likely fail the same way);
            // one that came during it still gets its pass.
            LOG.warnf("%s stopped, the next run goes on: %s", name, e.getMessage());
        } finally {
            running.set(false);
        }
        // A wake-up between the last look and clearing the flag found it still set: look again.
        if (seen != wakes.get()) {
            wake();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
