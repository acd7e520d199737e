package se.driftinfo.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.contracts.EventJson;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless the state change that
 * caused it commits, and nothing is lost if Kafka is down: {@link OutboxRelay} publishes it later.
 * The commit wakes the relay, so the event leaves at once rather than at the relay's next poll.
 */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    /** Marks a transaction that already wakes the relay when it commits. */
    private static final Object WAKES_RELAY = new Object();

    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(Clock clock, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * @param topic Kafka topic from {@code Topics}
     * @param key aggregate id; keeps one aggregate's events in one partition, in order
     * @param type CloudEvents type from {@code EventTypes}
     * @param source CloudEvents source from {@code EventSources}
     * @param data the event payload record
     * @return the event id
     */
    @Transactional(TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String source, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.source = source;
        event.subject = key;
        event.payload = EventJson.write(data);
        event.occurredAt = Instant.now(clock);
        event.persist();
        wakeRelayAfterCommit();
        return event.eventId;
    }

    /**
     * Once per transaction, however many events it adds; only on commit, when the rows can be seen
     * (a rolled-back transaction added nothing to publish).
     */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
