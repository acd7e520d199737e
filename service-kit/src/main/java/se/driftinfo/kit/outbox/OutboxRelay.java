package se.driftinfo.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import se.driftinfo.kit.config.OutboxConfig;
import se.driftinfo.kit.work.WakeableWork;

/**
 * Moves outbox rows to Kafka as CloudEvents (binary mode: {@code ce_*} headers, JSON data as value).
 * Safe on every replica: a transaction-scoped PostgreSQL advisory lock lets one relay work at a time,
 * which also keeps the global order. A row is marked published only after Kafka acknowledged it; a
 * crash in between means the event goes out again, which consumers absorb by event id.
 *
 * <p>Each row's outcome is its own: acknowledged rows are marked published, a failed row gets
 * {@code attempts} and {@code last_error} written and stays in line. A row Kafka will never accept
 * (too large, not serialisable, an invalid topic), or one that failed {@code max-attempts} times while
 * rows beside it went through, is <b>parked</b>: logged as an error, counted in
 * {@code driftinfo_outbox_parked_events_total}, and passed over so it cannot hold back every later
 * event. An operator requeues it ({@link OutboxAdmin}).
 *
 * <p>Passing over a row gives up strict per-aggregate order for it, on purpose: every event carries the
 * whole aggregate after the change (a snapshot with {@code sequence}/{@code updatedAt}), so a later
 * event of the same aggregate already tells consumers everything the parked one did, and consumers
 * ignore a snapshot older than the one they hold when a requeued one arrives late.
 *
 * <p>A commit that added events wakes the relay ({@link Outbox#add}), so an event leaves within
 * milliseconds instead of up to a poll interval later (an outage's mail waited for it, issue #14). The
 * relay runs on one thread of its own per replica: wake-ups that arrive while it works are folded into
 * one more pass, so under load each pass takes what the commits during the previous one added. The
 * schedule stays as the fallback: it picks up what another replica added, what a lock held by another
 * replica kept this one from taking, and what failed and waits for a retry.
 */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same on every replica of one service. */
    private static final long LOCK_ID = 0x4472696674L;

    private static final int MAX_ERROR_LENGTH = 1000;

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration ackTimeout;
    private final MeterRegistry metrics;
    private final WakeableWork work = new WakeableWork("outbox-relay", this::relay);

    public OutboxRelay(
            @Channel("outbox") Emitter<String> emitter,
            EntityManager em,
            Clock clock,
            OutboxConfig config,
            MeterRegistry metrics) {
        this.emitter = emitter;
        this.em = em;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.maxAttempts = config.maxAttempts();
        this.ackTimeout = config.ackTimeout();
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${driftinfo.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${driftinfo.outbox.initial-delay}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /**
     * Events may be waiting: starts a pass on the relay's thread, or, if one is running, makes it look
     * once more when it ends. Cheap enough to call after every commit.
     */
    public void wake() {
        work.wake();
    }

    /** Publishes every waiting event, batch after batch. */
    void relay() {
        try {
            while (relayBatch() == batchSize) {
                // a full batch went out: there may be more waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        work.close();
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
                    List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find(
                                    "publishedAt is null and parkedAt is null order by position")
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
                    } catch (TimeoutException | ExecutionException e) {
                        // Each row's outcome is read below.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                    }
                    return settle(batch, acks);
                });
    }

    /** Marks what Kafka acknowledged, records why the rest failed, parks what should not hold the line. */
    private int settle(List<OutboxEvent> batch, List<CompletableFuture<Void>> acks) {
        Instant now = Instant.now(clock);
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (outcome(acks.get(i)) == null) {
                OutboxEvent event = batch.get(i);
                event.publishedAt = now;
                event.attempts++;
                published++;
            }
        }
        // Nothing got through: the broker (or the network) is away, not these rows. Say why, but do not
        // count it against them, or a long broker outage would park every waiting event.
        boolean brokerAway = published == 0;
        String firstError = null;
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = outcome(acks.get(i));
            if (failure == null) {
                continue;
            }
            OutboxEvent event = batch.get(i);
            event.lastError = truncate(describe(failure));
            firstError = firstError == null ? event.lastError : firstError;
            boolean never = KafkaFailures.neverAccepted(failure);
            if (brokerAway && !never) {
                continue;
            }
            event.attempts++;
            if (never || event.attempts >= maxAttempts) {
                park(event, never);
            }
        }
        if (published < batch.size() && firstError != null) {
            LOG.warnf(
                    "Outbox relay: %d of %d events not acknowledged, first: %s",
                    batch.size() - published, batch.size(), firstError);
        }
        return published;
    }

    private void park(OutboxEvent event, boolean never) {
        event.parkedAt = Instant.now(clock);
        metrics.counter("driftinfo.outbox.parked.events", "topic", event.topic).increment();
        LOG.errorf(
                "OUTBOX EVENT PARKED: event %s (%s, key %s, outbox position %d) after %d attempt(s)%s: %s. Later events"
                        + " go on without it; fix the cause and requeue it (POST /api/admin/outbox/requeue).",
                event.eventId,
                event.type,
                event.key,
                event.position,
                event.attempts,
                never ? ", Kafka will never accept it" : "",
                event.lastError);
    }

    /** @return null if acknowledged, the failure otherwise (a timeout if there is no answer yet) */
    private Throwable outcome(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return new TimeoutException("Kafka did not answer within " + ackTimeout);
        }
        try {
            ack.getNow(null);
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
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
        } catch (RuntimeException e) {
            // A row that cannot even become a record (e.g. an invalid source URI) fails like a refusal.
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e
                ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage() + " ("
                        + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
