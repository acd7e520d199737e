package se.driftinfo.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/** Processed event ids are forgotten after the retention period (30 days in the kit's defaults). */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class ProcessedEventCleanerTest {

    @Inject
    ProcessedEventCleaner cleaner;

    @Inject
    EntityManager em;

    /** Which test row each event id stands for. */
    final Map<String, String> names = new HashMap<>();

    @Test
    void idsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String consumer = "cleaner-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            record(consumer, "processed-31-days-ago", now.minus(Duration.ofDays(31)));
            record(consumer, "processed-29-days-ago", now.minus(Duration.ofDays(29)));
            record(consumer, "processed-now", now);
        });

        cleaner.clean();

        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select event_id from processed_event where consumer = ?1 order by processed_at")
                .setParameter(1, consumer)
                .getResultList());
        List<String> left = ids.stream().map(id -> names.get(id.toString())).toList();
        assertEquals(List.of("processed-29-days-ago", "processed-now"), left);
    }

    private void record(String consumer, String name, Instant processedAt) {
        UUID id = UUID.randomUUID();
        names.put(id.toString(), name);
        em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3)")
                .setParameter(1, consumer)
                .setParameter(2, id)
                .setParameter(3, Timestamp.from(processedAt))
                .executeUpdate();
    }
}
