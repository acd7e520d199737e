package se.driftinfo.notifier.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One mail for one recipient about one event, rendered when queued so that retries send the same
 * bytes. {@code (eventId, recipient)} is unique: a redelivered event or a second replica finds the
 * row and queues nothing. Failed attempts back off exponentially; the row is never lost.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    public String recipient;

    public String kind;

    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    public String ics;

    @Column(name = "ics_method")
    public String icsMethod;

    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public void sent(Instant now) {
        status = SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** Records a failed attempt and when to try again: backoff, doubled per attempt, capped. */
    public void failed(String error, Instant now, Duration backoff, Duration maxBackoff, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= maxAttempts) {
            status = FAILED;
            return;
        }
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }
}
