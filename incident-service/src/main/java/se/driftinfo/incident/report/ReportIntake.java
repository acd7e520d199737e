package se.driftinfo.incident.report;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import se.driftinfo.kit.inbox.Failures;

/**
 * Group commit of received reports. Each report used to be a transaction of its own: three inserts and a
 * commit, four round trips each, and under load the database's sessions mostly waited for the service.
 * Now one writer takes every report waiting at that moment, stores them in one transaction (one batch
 * per table) and only then answers each of them: a report is answered only once it is committed. Nothing
 * waits on purpose: when reports come one at a time, each is a transaction of its own as before.
 *
 * <p>If a batch fails, its reports are stored one by one, so one bad report fails only itself. A failure
 * that says the database is away fails the whole batch at once instead (503 for each, as alone), without
 * trying each in turn; a lock conflict (a deadlock, say) rolled the batch back, so it is tried one by one.
 *
 * <p>One writer per replica: batches never run at once here, and the burst locks a batch takes are taken
 * in one order (see the burst detector), so batches of two replicas do not deadlock either.
 */
@ApplicationScoped
public class ReportIntake {

    private static final Logger LOG = Logger.getLogger(ReportIntake.class);

    /** The most reports in one transaction: Hibernate's statement batch size. */
    static final int MOST_PER_TRANSACTION = 50;

    private static final Pending STOP = new Pending(null, null);

    private final ReportWriter writer;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private volatile boolean accepting;
    private Thread thread;

    public ReportIntake(ReportWriter writer) {
        this.writer = writer;
    }

    private record Pending(FaultReport.Draft draft, CompletableFuture<FaultReport> stored) {}

    void start(@Observes StartupEvent startup) {
        accepting = true;
        thread = new Thread(this::run, "fault-report-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reports already waiting are still written; the server has stopped taking new requests. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        synchronized (waiting) {
            accepting = false;
            waiting.add(STOP);
        }
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /**
     * Stores the report with the others waiting and returns it once committed.
     *
     * @throws RuntimeException what storing it alone would have thrown (say, the database is away)
     */
    public FaultReport store(FaultReport.Draft draft) {
        CompletableFuture<FaultReport> stored = new CompletableFuture<>();
        // With stop's: no report can queue behind STOP, where no writer would ever answer it.
        synchronized (waiting) {
            if (!accepting) {
                throw new IllegalStateException("The service is stopping");
            }
            waiting.add(new Pending(draft, stored));
        }
        try {
            return stored.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MOST_PER_TRANSACTION);
        boolean stopping = false;
        while (!stopping) {
            batch.clear();
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(batch, MOST_PER_TRANSACTION - 1);
            stopping = batch.remove(STOP);
            try {
                write(batch);
            } catch (RuntimeException e) {
                // A bug after the commit (say, in counting): no request may wait forever, and the writer goes on.
                LOG.error("Answering stored reports failed", e);
                batch.forEach(pending -> pending.stored().completeExceptionally(e));
            }
        }
        // Too late to write: the request is answered as the service stops.
        for (Pending left; (left = waiting.poll()) != null; ) {
            if (left != STOP) {
                left.stored().completeExceptionally(new IllegalStateException("The service is stopping"));
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<FaultReport> stored;
        try {
            stored = writer.storeAll(batch.stream().map(Pending::draft).toList());
        } catch (Throwable batchFailure) {
            if (batch.size() == 1 || databaseAway(batchFailure)) {
                // The database is away (or the commit's outcome is unknown): each request gets the 503 it
                // would have got alone. Trying again now could store a report whose batch did commit.
                for (Pending pending : batch) {
                    pending.stored().completeExceptionally(batchFailure);
                }
                return;
            }
            LOG.debugf(batchFailure, "A batch of %d reports failed; storing them one by one", batch.size());
            oneByOne(batch);
            return;
        }
        // Committed: from here on nothing may send the batch to be written again.
        for (int i = 0; i < batch.size(); i++) {
            answer(batch.get(i), stored.get(i));
        }
    }

    private void oneByOne(List<Pending> batch) {
        Throwable away = null;
        for (Pending pending : batch) {
            if (away != null) {
                pending.stored().completeExceptionally(away);
                continue;
            }
            FaultReport stored;
            try {
                stored = writer.storeAll(List.of(pending.draft())).get(0);
            } catch (Throwable failure) {
                pending.stored().completeExceptionally(failure);
                if (databaseAway(failure)) {
                    away = failure;
                }
                continue;
            }
            answer(pending, stored);
        }
    }

    /** The database is away, or the commit's outcome unknown: a lock conflict rolled back for certain. */
    private static boolean databaseAway(Throwable failure) {
        return Failures.isTransient(failure) && !Failures.isLockConflict(failure);
    }

    private void answer(Pending pending, FaultReport report) {
        pending.stored().complete(report);
        writer.counted(report);
    }
}
