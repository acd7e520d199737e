package se.driftinfo.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.kit.tx.AfterCommit;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless the state change that
 * caused it commits, and nothing is lost if Kafka is down: {@link OutboxRelay} publishes it later.
 * The commit wakes the relay, so the event leaves at once rather than at the relay's next poll.
 */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final Clock clock;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;

    public Outbox(Clock clock, AfterCommit afterCommit, OutboxRelay relay) {
        this.clock = clock;
        this.afterCommit = afterCommit;
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
        afterCommit.once(OutboxRelay.class, relay::wake);
        return event.eventId;
    }

    /** One event for {@link #addAll}; the fields mean what {@link #add}'s parameters do. */
    public record Event(String topic, String key, String type, String source, Object data) {}

    /**
     * Records several events in the caller's transaction with one statement, in the order given: their
     * positions rise in that order, so two events of one aggregate are relayed in list order.
     *
     * @return the event ids, in the same order
     */
    @Transactional(TxType.MANDATORY)
    public List<UUID> addAll(List<Event> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        int n = events.size();
        String[] eventIds = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            eventIds[i] = id.toString();
            topics[i] = e.topic();
            keys[i] = e.key();
            types[i] = e.type();
            sources[i] = e.source();
            payloads[i] = EventJson.write(e.data());
        }
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        // One multi-row insert instead of one identity insert (a round trip) per event. "with ordinality ...
        // order by" hands the identity column the rows in list order.
        OutboxEvent.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into event_outbox (event_id, topic, event_key, event_type, source, subject, payload, occurred_at)
                    select cast(e.event_id as uuid), e.topic, e.event_key, e.event_type, e.source, e.event_key, e.payload, ?
                    from unnest(?, ?, ?, ?, ?, ?) with ordinality
                        as e(event_id, topic, event_key, event_type, source, payload, n)
                    order by e.n
                    """)) {
                insert.setObject(1, occurredAt);
                insert.setArray(2, connection.createArrayOf("text", eventIds));
                insert.setArray(3, connection.createArrayOf("text", topics));
                insert.setArray(4, connection.createArrayOf("text", keys));
                insert.setArray(5, connection.createArrayOf("text", types));
                insert.setArray(6, connection.createArrayOf("text", sources));
                insert.setArray(7, connection.createArrayOf("text", payloads));
                insert.executeUpdate();
            }
        });
        afterCommit.once(OutboxRelay.class, relay::wake);
        return ids;
    }
}
