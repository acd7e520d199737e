package se.driftinfo.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import se.driftinfo.kit.config.OutboxConfig;

/**
 * Moves outbox rows to Kafka as CloudEvents (binary mode: {@code ce_*} headers, JSON data as value).
 * Safe on every replica: a transaction-scoped PostgreSQL advisory lock lets one relay work at a time,
 * which also keeps the global order. A row is marked published only after Kafka acknowledged it; a
 * crash in between means the event goes out again, which consumers absorb by event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same on every replica of one service. */
    private static final long LOCK_ID = 0x4472696674L;

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final Clock clock;
    private final int batchSize;
    private final Duration ackTimeout;

    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, EntityManager em, Clock clock, OutboxConfig config) {
        this.emitter = emitter;
        this.em = em;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.ackTimeout = config.ackTimeout();
    }

    @Scheduled(
            every = "${driftinfo.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${driftinfo.outbox.initial-delay}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            while (relayBatch() == batchSize) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many events went out. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) ackTimeout.toSeconds() + 30)
                .call(() -> {
                    Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                            .setParameter(1, LOCK_ID)
                            .getSingleResult();
                    if (!Boolean.TRUE.equals(locked)) {
                        return 0;
                    }
                    List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by position")
                            .page(0, batchSize)
                            .list();
                    if (batch.isEmpty()) {
                        return 0;
                    }
                    List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
                    for (OutboxEvent event : batch) {
                        acks.add(send(event));
                    }
                    try {
                        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                                .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        // Nothing is marked: the whole batch is retried, duplicates are absorbed downstream.
                        throw new IllegalStateException("Kafka did not acknowledge the batch: " + rootMessage(e), e);
                    }
                    Instant now = Instant.now(clock);
                    for (OutboxEvent event : batch) {
                        event.publishedAt = now;
                        event.attempts++;
                    }
                    return batch.size();
                });
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.type)
                .withSource(URI.create(event.source))
                .withSubject(event.subject)
                .withDataContentType("application/json")
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build();
        Message<String> message = Message.of(event.payload, Metadata.of(cloudEvent, kafka))
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return ack;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
