package se.driftinfo.notifier.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event being mailed to its subscribers, a batch at a time (issue #14). Recorded in the consumer's
 * transaction with the processed-event id, so it is never lost; each batch of delivery rows commits
 * with the cursor moved past the subscriptions it read, so a crash resumes after the last batch, and
 * the delivery rows' unique key makes a batch done twice queue nothing twice.
 */
@Entity
@Table(name = "fan_out")
public class FanOut extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The event's data as JSON (an {@code OutageEventV1}). */
    public String payload;

    public String region;

    /** System codes as {@code ,a,b,}. */
    public String systems;

    /** The last subscription id read; the next batch starts after it. Null before the first. */
    @Column(name = "after_subscription")
    public UUID afterSubscription;

    /** How many mails this fan-out has queued so far. */
    public int queued;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the last subscription was read; null while there may be more. */
    @Column(name = "done_at")
    public Instant doneAt;

    /** A batch was queued: the cursor moves past what it read, and the fan-out ends after the last one. */
    void advance(UUID lastRead, int queuedNow, boolean end, Instant now) {
        if (lastRead != null) {
            afterSubscription = lastRead;
        }
        queued += queuedNow;
        if (end) {
            doneAt = now;
        }
    }

    boolean done() {
        return doneAt != null;
    }
}
