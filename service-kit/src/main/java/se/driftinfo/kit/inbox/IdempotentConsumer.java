package se.driftinfo.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import se.driftinfo.kit.config.InboxConfig;

/**
 * The envelope every Kafka consumer uses: read the CloudEvent, skip it if this consumer has handled
 * its id before, otherwise hand it to the consumer's {@link EventHandler}. The processed id and the
 * change it causes commit together in one transaction, so a redelivered or replayed event changes
 * nothing twice.
 *
 * <p>Failures are sorted by {@link Failures#isTransient}: one that may pass (database gone, lock or
 * statement timeout) is retried in a new transaction with exponential backoff for as long as it lasts,
 * holding back the later records of the channel so their order is kept; one that cannot pass
 * (unreadable record, unknown event type, a constraint or validation failure, a bug) is thrown at once
 * and goes to the channel's failure strategy: the dead-letter topic, from which
 * {@link DeadLetters#replay} brings it back once the cause is fixed.
 *
 * <pre>{@code
 * @Incoming("maintenance")
 * @Blocking // each attempt opens its own transaction: no @Transactional here
 * void on(ConsumerRecord<String, String> record) {
 *     inbox.consume("incident-maintenance", record, handler);
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /** Set by {@link DeadLetters} while it replays: a record failing again stays where it is, not counted twice. */
    static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    private final ProcessedEvents processedEvents;
    private final MeterRegistry metrics;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    public IdempotentConsumer(ProcessedEvents processedEvents, MeterRegistry metrics, InboxConfig config) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.firstBackoff = config.retryBackoff();
        this.maxBackoff = config.retryMaxBackoff();
    }

    /**
     * Handles {@code record} once, in a transaction of its own per attempt. Must not be called inside a
     * transaction: a retry needs a fresh one, and an outer transaction would time out while it waits.
     *
     * @param consumer the ledger's name for this consumer, unique in the service (e.g. {@code notifier-maintenance})
     * @return true if the event was handled now; false if it was seen before or is of a type the handler skips
     * @throws RuntimeException a failure that retrying cannot cure (the record goes to the dead-letter topic)
     */
    @Transactional(TxType.NEVER)
    public boolean consume(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (RuntimeException e) {
            LOG.errorf("%s: unreadable record at %s, %s: %s", consumer, position(record), fate(), e.getMessage());
            deadLettered(consumer, e);
            throw e;
        }
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> handleOnce(consumer, event, handler));
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    LOG.errorf(
                            "%s: event %s (%s) at %s failed and cannot succeed by retrying, %s: %s",
                            consumer, event.id(), event.type(), position(record), fate(), e);
                    deadLettered(consumer, e);
                    throw e;
                }
                metrics.counter("driftinfo.inbox.retries", "consumer", consumer).increment();
                LOG.warnf(
                        "%s: event %s at %s failed (attempt %d), retrying in %d ms: %s",
                        consumer, event.id(), position(record), attempt, backoff.toMillis(), rootMessage(e));
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private boolean handleOnce(String consumer, IncomingEvent event, EventHandler handler) {
        if (!processedEvents.firstTime(consumer, event.id())) {
            LOG.debugf("%s: event %s was handled before, skipped", consumer, event.id());
            return false;
        }
        if (!handler.handle(event)) {
            LOG.debugf("%s: ignoring %s", consumer, event.type());
            return false;
        }
        return true;
    }

    private static String fate() {
        return REPLAYING.get() ? "stays on the dead-letter topic (replay)" : "dead-lettered";
    }

    private void deadLettered(String consumer, RuntimeException cause) {
        if (REPLAYING.get()) {
            return; // counted when it was dead-lettered
        }
        metrics.counter(
                        "driftinfo.dead.letters",
                        "consumer",
                        consumer,
                        "cause",
                        cause.getClass().getSimpleName())
                .increment();
    }

    /**
     * Waits before the next attempt. Once the service is shutting down it never returns: throwing
     * would dead-letter an event that only met a passing failure, while an unacknowledged record is
     * simply delivered again after the restart.
     */
    private void pause(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        while (stopping || System.nanoTime() < until) {
            try {
                Thread.sleep(stopping ? 1_000 : Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                // Interrupted at shutdown: keep holding the record (see above); the JVM ends this thread.
                stopping = true;
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
