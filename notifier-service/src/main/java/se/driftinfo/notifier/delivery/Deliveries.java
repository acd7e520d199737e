package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The mail queue's write side. */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;
    private final Clock clock;

    public Deliveries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public boolean exists(UUID eventId, String recipient) {
        return Delivery.count("eventId = ?1 and recipient = ?2", eventId, recipient) > 0;
    }

    /**
     * Queues a mail unless this event already has one for this recipient.
     *
     * @param subscriptionId the subscription it is sent for, or null (a fault reporter)
     * @return true if queued now
     */
    @Transactional(TxType.MANDATORY)
    public boolean enqueue(UUID eventId, String recipient, UUID subscriptionId, RenderedMail mail) {
        Instant now = Instant.now(clock);
        int inserted = em.createNativeQuery("""
                insert into delivery (event_id, recipient, kind, subject, text_body, html_body, ics, ics_method,
                    unsubscribe_url, subscription_id, status, attempts, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, 'PENDING', 0, ?10, ?10)
                on conflict (event_id, recipient) do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, recipient)
                .setParameter(3, mail.kind().name())
                .setParameter(4, mail.subject())
                .setParameter(5, mail.text())
                .setParameter(6, mail.html())
                .setParameter(7, mail.ics())
                .setParameter(8, mail.icsMethod())
                .setParameter(9, mail.unsubscribeUrl())
                .setParameter(10, now)
                .setParameter(11, subscriptionId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The subscription ended: mail still queued for it is never sent. One mail per event and address
     * is queued, for the first of the address's subscriptions that wanted it; if the address has
     * another active subscription, its queued mail goes to that one instead of being cancelled, since
     * that subscription may want it too (better a mail too many than one missing).
     *
     * @return how many were cancelled
     */
    @Transactional(TxType.MANDATORY)
    public int cancelQueuedFor(UUID subscriptionId, UUID otherActiveSubscription) {
        List<Delivery> queued = Delivery.list("subscriptionId = ?1 and status = ?2", subscriptionId, Delivery.PENDING);
        for (Delivery delivery : queued) {
            if (otherActiveSubscription != null) {
                delivery.subscriptionId = otherActiveSubscription;
            } else {
                delivery.cancel();
            }
        }
        return otherActiveSubscription == null ? queued.size() : 0;
    }
}
