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
 * row and queues nothing. Transient failures back off exponentially; a permanent refusal (SMTP 5xx)
 * gives up at once; the row is never lost. A mail that was sent or cancelled keeps no content: its
 * links carry tokens, and it will never be sent again.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    /** Never to be sent: its subscription ended while it was queued. */
    public static final String CANCELLED = "CANCELLED";

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

    /** The subscription it was queued for; null for mail to a fault reporter. */
    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** The sender run that holds the lease (see {@link DeliverySender}); null until first claimed. */
    @Column(name = "lease_owner")
    public UUID leaseOwner;

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

    /** The SMTP server took it. Its content goes: a sent mail is never sent again. */
    public void sent(Instant now) {
        status = SENT;
        attempts++;
        sentAt = now;
        lastError = null;
        forgetContent();
    }

    /** Its subscription ended before it was sent. */
    public void cancel() {
        status = CANCELLED;
        forgetContent();
    }

    public boolean pending() {
        return PENDING.equals(status);
    }

    /**
     * Records a failed attempt. A permanent refusal (the server said 5xx: no such mailbox, refused)
     * gives up at once, since sending it again gets the same answer; any other failure is tried again
     * after a backoff, doubled per attempt and capped, until {@code maxAttempts}.
     */
    public void failed(
            String error, boolean permanent, Instant now, Duration backoff, Duration maxBackoff, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        if (permanent || attempts >= maxAttempts) {
            status = FAILED;
            return;
        }
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }

    private void forgetContent() {
        textBody = "";
        htmlBody = "";
        ics = null;
        icsMethod = null;
        unsubscribeUrl = null;
    }
}
