package se.driftinfo.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.kit.inbox.IncomingEvent;

/**
 * A commit wakes the relay: with the poll set to ten minutes, events still reach Kafka within seconds of
 * their transaction's commit, in the order they were written, and a rolled-back transaction's event
 * never does.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.SlowPoll.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class OutboxWakeTest {

    /** Only a wake-up can publish within the test's time: the first poll comes ten minutes after start. */
    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("driftinfo.outbox.poll-interval", "10m", "driftinfo.outbox.initial-delay", "10m");
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForThePoll() {
        String key = "wake-" + UUID.randomUUID().toString().substring(0, 8);
        UUID rolledBack = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.add(OutboxRelayTest.TOPIC, key, "se.driftinfo.test.v1", "/test", Map.of("id", rolledBack));
                throw new IllegalStateException("the change fails after its event was added");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        long committedAt = System.nanoTime();
        List<UUID> written = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            int i = n;
            written.add(QuarkusTransaction.requiringNew()
                    .call(() ->
                            outbox.add(OutboxRelayTest.TOPIC, key, "se.driftinfo.test.v1", "/test", Map.of("n", i))));
        }

        List<UUID> seen = new ArrayList<>();
        InfraTestResource.kafka().readUntil(OutboxRelayTest.TOPIC, Duration.ofSeconds(30), record -> {
            IncomingEvent event = IncomingEvent.of(record);
            if (key.equals(event.key())) {
                seen.add(event.id());
            }
            return seen.size() >= written.size();
        });
        Duration took = Duration.ofNanos(System.nanoTime() - committedAt);

        assertEquals(written, seen, "each committed event once, in the order written; the rolled-back one not at all");
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "published after " + took + ", before the first poll");
        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() ->
                        OutboxEvent.<OutboxEvent>find("eventId", written.get(2)).firstResult());
        assertNotNull(last.publishedAt, "marked published");
    }
}
