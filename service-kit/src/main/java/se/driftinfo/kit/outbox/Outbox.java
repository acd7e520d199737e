package se.driftinfo.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.contracts.EventJson;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless the state change that
 * caused it commits, and nothing is lost if Kafka is down: {@link OutboxRelay} publishes it later.
 */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
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
        return event.eventId;
    }
}
