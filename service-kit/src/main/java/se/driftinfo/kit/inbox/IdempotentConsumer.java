package se.driftinfo.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
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
 * {@link DeadLetters#replay} brings it back once the cause is fixed. A busy channel takes a poll at a
 * time in one transaction ({@link #consumeAll}); a record that cannot be handled still goes to the
 * dead-letter topic alone.
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
    private final DeadLetterWriter deadLetterTopic;
    private final MeterRegistry metrics;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    public IdempotentConsumer(
            ProcessedEvents processedEvents,
            DeadLetterWriter deadLetterTopic,
            MeterRegistry metrics,
            InboxConfig config) {
        this.processedEvents = processedEvents;
        this.deadLetterTopic = deadLetterTopic;
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
        return handleAlone(consumer, record, read(consumer, record), handler);
    }

    /**
     * Handles the records of one poll (a channel with {@code batch=true}) once each, all in one
     * transaction: one ledger statement and one commit for the lot, where {@link #consume} takes one
     * of each per record. Failures that may pass are retried for the whole poll as in
     * {@link #consume}. A failure that cannot pass rolls the poll back; its records are then handled
     * one by one, each in its own transaction, and the one that fails alone is written to the
     * dead-letter topic by the kit (the connector could only dead-letter the whole poll) while the
     * others are applied. So a bad record costs its poll one more pass, never the others' effects.
     *
     * <pre>{@code
     * @Incoming("incidents") // mp.messaging.incoming.incidents.batch=true
     * @Blocking
     * void on(ConsumerRecords<String, String> records) {
     *     inbox.consumeAll("notifier-incidents", records, handler);
     * }
     * }</pre>
     *
     * @return how many events were handled now
     * @throws RuntimeException only while {@link DeadLetters} replays: the record's failure, so it stays there
     */
    @Transactional(TxType.NEVER)
    public int consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records, EventHandler handler) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(read(consumer, record));
                readable.add(record);
            } catch (RuntimeException e) {
                toDeadLetterTopic(consumer, record, e);
            }
        }
        if (events.size() > 1) {
            String where = position(readable.get(0)) + " and " + (events.size() - 1) + " more";
            try {
                return withRetries(consumer, where, () -> handleAll(consumer, events, handler));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "%s: the poll %s failed and cannot succeed by retrying; handling its records one by one: %s",
                        consumer, where, rootMessage(e));
            }
        }
        int handled = 0;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            ConsumerRecord<String, String> record = readable.get(i);
            try {
                if (handleAlone(consumer, record, event, handler)) {
                    handled++;
                }
            } catch (RuntimeException e) {
                toDeadLetterTopic(consumer, record, e);
            }
        }
        return handled;
    }

    /**
     * The record as a CloudEvent.
     *
     * @throws RuntimeException if it is not one (logged and counted as dead-lettered)
     */
    private IncomingEvent read(String consumer, ConsumerRecord<String, String> record) {
        try {
            return IncomingEvent.of(record);
        } catch (RuntimeException e) {
            LOG.errorf("%s: unreadable record at %s, %s: %s", consumer, position(record), fate(), e.getMessage());
            deadLettered(consumer, e);
            throw e;
        }
    }

    /**
     * Handles one event in a transaction of its own per attempt.
     *
     * @throws RuntimeException a failure that retrying cannot cure (logged and counted as dead-lettered)
     */
    private boolean handleAlone(
            String consumer, ConsumerRecord<String, String> record, IncomingEvent event, EventHandler handler) {
        try {
            return withRetries(consumer, position(record), () -> handleOnce(consumer, event, handler));
        } catch (RuntimeException e) {
            LOG.errorf(
                    "%s: event %s (%s) at %s failed and cannot succeed by retrying, %s: %s",
                    consumer, event.id(), event.type(), position(record), fate(), e);
            deadLettered(consumer, e);
            throw e;
        }
    }

    /**
     * Runs {@code work} in a new transaction, again after a backoff for as long as it fails for a
     * reason that may pass.
     *
     * @throws RuntimeException the first failure that retrying cannot cure
     */
    private <T> T withRetries(String consumer, String where, Callable<T> work) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                metrics.counter("driftinfo.inbox.retries", "consumer", consumer).increment();
                LOG.warnf(
                        "%s: %s failed (attempt %d), retrying in %d ms: %s",
                        consumer, where, attempt, backoff.toMillis(), rootMessage(e));
                pause(backoff);
                backoff = longer(backoff);
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

    private int handleAll(String consumer, List<IncomingEvent> events, EventHandler handler) {
        Set<UUID> firstTime = processedEvents.firstTimeOf(
                consumer, events.stream().map(IncomingEvent::id).toList());
        int handled = 0;
        for (IncomingEvent event : events) {
            // Removed once handled: the same event twice in one poll is handled once.
            if (!firstTime.remove(event.id())) {
                LOG.debugf("%s: event %s was handled before, skipped", consumer, event.id());
            } else if (handler.handle(event)) {
                handled++;
            } else {
                LOG.debugf("%s: ignoring %s", consumer, event.type());
            }
        }
        return handled;
    }

    /**
     * Writes a record of a poll that cannot be handled to the dead-letter topic, and waits until it is
     * there: the poll's offsets are committed once this method returns. While Kafka does not take it,
     * retries with backoff as for a passing database failure. During a replay the failure is thrown
     * instead: the record is already on the dead-letter topic, and stays there.
     */
    private void toDeadLetterTopic(String consumer, ConsumerRecord<String, String> record, RuntimeException cause) {
        if (REPLAYING.get()) {
            throw cause;
        }
        Duration backoff = firstBackoff;
        while (true) {
            try {
                deadLetterTopic.write(record, cause);
                return;
            } catch (RuntimeException e) {
                LOG.warnf(
                        "%s: the dead letter from %s could not be written, retrying in %d ms: %s",
                        consumer, position(record), backoff.toMillis(), rootMessage(e));
                pause(backoff);
                backoff = longer(backoff);
            }
        }
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

    /** The next wait: twice this one, at most the configured longest. */
    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
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
