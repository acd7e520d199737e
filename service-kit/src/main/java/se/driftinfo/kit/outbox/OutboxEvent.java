package se.driftinfo.kit.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in (or already relayed from) the transactional outbox. The identity column gives
 * the relay its order: it is assigned at insert, so two changes of one aggregate, serialised by the
 * aggregate's row lock, are relayed in the order they committed.
 */
@Entity
@Table(name = "event_outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Sends tried: the one that was acknowledged included. */
    public int attempts;

    /** Why the last send failed, for the operator; kept after a later success. */
    @Column(name = "last_error")
    public String lastError;

    /** Set when the relay gave up on this event (see {@code OutboxRelay}); null while it is in line. */
    @Column(name = "parked_at")
    public Instant parkedAt;
}
