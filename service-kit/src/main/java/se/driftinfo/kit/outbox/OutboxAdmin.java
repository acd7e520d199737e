package se.driftinfo.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What an operator needs of the outbox: the parked events and requeueing them, and the lag gauges
 * {@code driftinfo_outbox_unsent} (events waiting), {@code driftinfo_outbox_oldest_unsent_seconds} (how
 * long the oldest has waited) and {@code driftinfo_outbox_parked_rows}, refreshed every 15 s.
 */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxAdmin {

    private static final Logger LOG = Logger.getLogger(OutboxAdmin.class);

    private final EntityManager em;
    private final Clock clock;
    private volatile double unsent = Double.NaN;
    private volatile double oldestAge = Double.NaN;
    private volatile double parked = Double.NaN;

    public OutboxAdmin(EntityManager em, Clock clock, MeterRegistry metrics) {
        this.em = em;
        this.clock = clock;
        Gauge.builder("driftinfo.outbox.unsent", this, a -> a.unsent)
                .description("Outbox events not yet acknowledged by Kafka, parked ones not counted")
                .register(metrics);
        Gauge.builder("driftinfo.outbox.oldest.unsent.seconds", this, a -> a.oldestAge)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka (0: none waiting)")
                .register(metrics);
        Gauge.builder("driftinfo.outbox.parked.rows", this, a -> a.parked)
                .description("Outbox events the relay gave up on, waiting for an operator")
                .register(metrics);
    }

    /** A parked event as the operator sees it. */
    public record Parked(
            long position,
            UUID eventId,
            String topic,
            String key,
            String type,
            int attempts,
            String lastError,
            Instant occurredAt,
            Instant parkedAt) {}

    @Transactional
    public List<Parked> parked() {
        return OutboxEvent.<OutboxEvent>find("parkedAt is not null order by position").list().stream()
                .map(e -> new Parked(
                        e.position,
                        e.eventId,
                        e.topic,
                        e.key,
                        e.type,
                        e.attempts,
                        e.lastError,
                        e.occurredAt,
                        e.parkedAt))
                .toList();
    }

    /**
     * Puts parked events back in line with a fresh count of attempts; the relay sends them on its next
     * pass, after the events now waiting.
     *
     * @param position one event's outbox position, or null for every parked event
     * @return how many were requeued
     */
    @Transactional
    public int requeue(Long position) {
        int requeued = position == null
                ? OutboxEvent.update("parkedAt = null, attempts = 0 where parkedAt is not null")
                : OutboxEvent.update(
                        "parkedAt = null, attempts = 0 where parkedAt is not null and position = ?1", position);
        LOG.infof("Outbox: %d parked event(s) requeued", requeued);
        return requeued;
    }

    @Scheduled(every = "15s", delayed = "5s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew()
                    .call(() -> (Object[]) em.createNativeQuery("select count(*) filter (where parked_at is null),"
                                    + " min(occurred_at) filter (where parked_at is null),"
                                    + " count(*) filter (where parked_at is not null)"
                                    + " from event_outbox where published_at is null")
                            .getSingleResult());
            unsent = ((Number) row[0]).doubleValue();
            Instant oldest = instant(row[1]);
            oldestAge = oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, Instant.now(clock)).toMillis() / 1000.0);
            parked = ((Number) row[2]).doubleValue();
        } catch (RuntimeException e) {
            // The database is away: the gauges say unknown rather than a stale number.
            unsent = oldestAge = parked = Double.NaN;
            LOG.debugf("Outbox lag unknown: %s", e.getMessage());
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
