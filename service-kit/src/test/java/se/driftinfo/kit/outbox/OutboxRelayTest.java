package se.driftinfo.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.kit.inbox.IncomingEvent;

/**
 * The relay as several replicas would run it: relays working at once (the scheduled one included)
 * publish every event exactly once and each aggregate's events in the order they were written.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class OutboxRelayTest {

    static final String TOPIC = "driftinfo.test.relay";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxAdmin admin;

    /**
     * Gap 2: one event Kafka always refuses (larger than the producer's max.request.size) used to be
     * retried with its whole batch forever, holding back every later event, with attempts and
     * last_error never written. Now the events after it are published, and it is parked with why.
     */
    @Test
    void aPoisonEventIsParkedWithItsErrorAndTheEventsAfterItArePublished() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = run + "-poison";
        UUID poison = QuarkusTransaction.requiringNew()
                .call(() ->
                        outbox.add(TOPIC, key, "se.driftinfo.test.v1", "/test", Map.of("blob", "x".repeat(2_000_000))));
        List<UUID> good = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            good.add(QuarkusTransaction.requiringNew()
                    .call(() -> outbox.add(
                            TOPIC, n == 1 ? run + "-other" : key, "se.driftinfo.test.v1", "/test", Map.of("n", n))));
        }

        for (int round = 0; round < 5; round++) {
            relay.relayBatch();
        }

        Set<UUID> seen = new HashSet<>();
        InfraTestResource.kafka().readUntil(TOPIC, Duration.ofSeconds(60), record -> {
            UUID id = IncomingEvent.of(record).id();
            if (good.contains(id)) {
                seen.add(id);
            }
            return seen.size() == good.size();
        });
        assertEquals(new HashSet<>(good), seen, "the events after the poison one were published");
        long marked = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("eventId in ?1 and publishedAt is not null", good));
        assertEquals(3, marked, "and marked published, not sent again with the poison one on every pass");

        OutboxEvent row = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("eventId", poison).firstResult());
        assertNull(row.publishedAt);
        assertNotNull(row.parkedAt, "parked, so it no longer holds the line");
        assertTrue(row.attempts > 0, "attempts written: " + row.attempts);
        assertNotNull(row.lastError);
        assertTrue(row.lastError.contains("RecordTooLargeException"), row.lastError);
        assertTrue(admin.parked().stream().anyMatch(p -> p.eventId().equals(poison)));

        // The operator requeues it: back in line with a fresh count (and parked again, as Kafka still refuses it).
        assertEquals(1, admin.requeue(row.position));
        OutboxEvent requeued = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("eventId", poison).firstResult());
        assertTrue(requeued.parkedAt == null || requeued.attempts == 1, "requeued with attempts reset");
    }

    @Test
    void concurrentRelaysPublishEachEventOnceAndInOrderPerAggregate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c", run + "-d");
        int perKey = 60;
        for (int i = 0; i < perKey; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> {
                for (String key : keys) {
                    outbox.add(TOPIC, key, "se.driftinfo.test.v1", "/test", Map.of("n", n));
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> replicas = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            replicas.add(() -> {
                int sent = 0;
                for (int round = 0; round < 20; round++) {
                    sent += relay.relayBatch();
                }
                return sent;
            });
        }
        for (Future<Integer> f : pool.invokeAll(replicas)) {
            f.get();
        }
        pool.shutdown();

        Map<String, List<Integer>> seen = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        int expected = keys.size() * perKey;
        List<UUID> duplicates = new ArrayList<>();
        InfraTestResource.kafka().readUntil(TOPIC, Duration.ofSeconds(60), record -> {
            IncomingEvent e = IncomingEvent.of(record);
            if (keys.contains(e.key())) {
                if (!ids.add(e.id())) {
                    duplicates.add(e.id());
                }
                seen.computeIfAbsent(e.key(), k -> new ArrayList<>())
                        .add(((Number) e.data(Map.class).get("n")).intValue());
            }
            return ids.size() == expected;
        });
        assertEquals(List.of(), duplicates, "events published twice");
        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < perKey; i++) {
            inOrder.add(i);
        }
        for (String key : keys) {
            assertEquals(inOrder, seen.get(key), "order of " + key);
        }
        long unpublished = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("publishedAt is null and key like ?1", run + "%"));
        assertEquals(0, unpublished);
    }

    /**
     * Events added together ({@link Outbox#addAll}, one statement) go out like events added one by one:
     * each once, with its own id, key and payload, and each aggregate's in the order of the list, also
     * after an event the same transaction added alone.
     */
    @Test
    void eventsAddedTogetherArePublishedOnceInListOrderPerAggregate() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of(run + "-x", run + "-y");
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> added = new ArrayList<>();
            added.add(outbox.add(TOPIC, keys.get(0), "se.driftinfo.test.v1", "/test", Map.of("n", 0)));
            List<Outbox.Event> together = new ArrayList<>();
            for (int n = 1; n <= 10; n++) {
                for (String key : keys) {
                    together.add(new Outbox.Event(TOPIC, key, "se.driftinfo.test.v1", "/test", Map.of("n", n)));
                }
            }
            added.addAll(outbox.addAll(together));
            return added;
        });
        assertEquals(21, new HashSet<>(ids).size(), "one id per event");

        for (int round = 0; round < 5; round++) {
            relay.relayBatch();
        }

        Map<String, List<Integer>> seen = new HashMap<>();
        Set<UUID> published = new HashSet<>();
        InfraTestResource.kafka().readUntil(TOPIC, Duration.ofSeconds(60), record -> {
            IncomingEvent e = IncomingEvent.of(record);
            if (keys.contains(e.key())) {
                assertTrue(published.add(e.id()), "published twice: " + e.id());
                seen.computeIfAbsent(e.key(), k -> new ArrayList<>())
                        .add(((Number) e.data(Map.class).get("n")).intValue());
            }
            return published.size() == ids.size();
        });
        assertEquals(new HashSet<>(ids), published);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen.get(keys.get(0)));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen.get(keys.get(1)));
        OutboxEvent row = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("eventId", ids.get(1)).firstResult());
        assertEquals(keys.get(0), row.subject);
        assertNotNull(row.occurredAt);
        assertNotNull(row.publishedAt);
    }
}
