package se.driftinfo.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
