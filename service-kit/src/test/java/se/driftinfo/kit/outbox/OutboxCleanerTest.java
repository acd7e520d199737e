package se.driftinfo.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/** Relayed events leave the outbox after the retention period (7 days in the kit's defaults). */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class OutboxCleanerTest {

    @Inject
    OutboxCleaner cleaner;

    @Test
    void relayedEventsOlderThanTheRetentionAreDeletedAndTheRestKept() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            add(run + "-published-8-days-ago", now.minus(Duration.ofDays(8)));
            add(run + "-published-6-days-ago", now.minus(Duration.ofDays(6)));
            add(run + "-published-now", now);
        });

        cleaner.clean();

        List<String> left = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>list("key like ?1 order by key", run + "%").stream()
                        .map(e -> e.key.substring(run.length() + 1))
                        .toList());
        assertEquals(List.of("published-6-days-ago", "published-now"), left);
    }

    private static void add(String key, Instant publishedAt) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = "driftinfo.test.cleaner";
        event.key = key;
        event.type = "se.driftinfo.test.v1";
        event.source = "/test";
        event.subject = key;
        event.payload = "{}";
        event.occurredAt = Instant.now().minus(Duration.ofDays(30));
        event.publishedAt = publishedAt;
        event.persist();
    }
}
