package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The mail queue's write side. */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;
    private final Clock clock;
    private final AfterCommit afterCommit;
    private final DeliverySender sender;

    public Deliveries(EntityManager em, Clock clock, AfterCommit afterCommit, DeliverySender sender) {
        this.em = em;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.sender = sender;
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
                // Nothing managed needs writing first: without this, every insert dirty-checked every
                // entity of the transaction (a whole fan-out's subscriptions: quadratic).
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        if (inserted == 1) {
            // Sent as soon as it can be seen, not at the sender's next scheduled look.
            afterCommit.once(DeliverySender.class, sender::wake);
        }
        return inserted == 1;
    }

    /** One mail of a batch to queue: for a subscription's address. */
    public record Queued(String recipient, UUID subscriptionId, RenderedMail mail) {}

    /**
     * Queues a batch of mail about one event in one statement, each unless the event already has one
     * for its recipient (the first of the batch wins when an address comes twice). A fan-out queues
     * hundreds at a time; one insert each cost more than rendering them.
     *
     * @return how many were queued now
     */
    @Transactional(TxType.MANDATORY)
    public int enqueueAll(UUID eventId, List<Queued> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int inserted = em.createNativeQuery("""
                insert into delivery (event_id, recipient, kind, subject, text_body, html_body, ics, ics_method,
                    unsubscribe_url, subscription_id, status, attempts, next_attempt_at, created_at)
                select ?1, q.recipient, q.kind, q.subject, q.text_body, q.html_body, q.ics, q.ics_method,
                    q.unsubscribe_url, q.subscription_id, 'PENDING', 0, ?2, ?2
                from unnest(cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]),
                    cast(?7 as text[]), cast(?8 as text[]), cast(?9 as text[]), cast(?10 as text[]),
                    cast(?11 as uuid[]))
                    with ordinality as q(recipient, kind, subject, text_body, html_body, ics, ics_method,
                        unsubscribe_url, subscription_id, n)
                order by q.n
                on conflict (event_id, recipient) do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, Instant.now(clock))
                .setParameter(3, column(batch, Queued::recipient))
                .setParameter(4, column(batch, q -> q.mail().kind().name()))
                .setParameter(5, column(batch, q -> q.mail().subject()))
                .setParameter(6, column(batch, q -> q.mail().text()))
                .setParameter(7, column(batch, q -> q.mail().html()))
                .setParameter(8, column(batch, q -> q.mail().ics()))
                .setParameter(9, column(batch, q -> q.mail().icsMethod()))
                .setParameter(10, column(batch, q -> q.mail().unsubscribeUrl()))
                .setParameter(11, batch.stream().map(Queued::subscriptionId).toArray(UUID[]::new))
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        if (inserted > 0) {
            afterCommit.once(DeliverySender.class, sender::wake);
        }
        return inserted;
    }

    private static String[] column(List<Queued> batch, Function<Queued, String> value) {
        return batch.stream().map(value).toArray(String[]::new);
    }

    /**
     * Takes the lease on a mail again for {@code run}, until {@code leaseEnd}, if the run still holds
     * it and the mail is still pending; one statement that also reads the mail to send, and records
     * the mail the run sent just before (as {@link #recordSent}), so each mail costs one statement.
     *
     * @param sentBefore the mail the run's SMTP server took just before, not yet recorded, or null
     * @return the mail (not managed: changing it writes nothing), or empty if the run lost it (another run took it over, it was sent or cancelled)
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Delivery> retake(long id, UUID run, Instant leaseEnd, Long sentBefore) {
        // Plain columns, not the entity: mapping and managing an entity cost more than the statement.
        // The CTE runs whether or not the main statement finds its row; with no mail before, it
        // matches nothing.
        @SuppressWarnings("unchecked")
        List<Object[]> held = em.createNativeQuery("""
                with sent as (
                    update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?4, last_error = null,
                        text_body = '', html_body = '', ics = null, ics_method = null, unsubscribe_url = null
                    where id = ?5 and status <> 'SENT')
                update delivery set next_attempt_at = ?1
                where id = ?2 and lease_owner = ?3 and status = 'PENDING'
                returning event_id, recipient, subject, text_body, html_body, ics, ics_method, unsubscribe_url""")
                .setParameter(1, leaseEnd)
                .setParameter(2, id)
                .setParameter(3, run)
                .setParameter(4, Instant.now(clock))
                .setParameter(5, sentBefore == null ? -1L : sentBefore)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return held.stream().findFirst().map(row -> {
            Delivery mail = new Delivery();
            mail.id = id;
            mail.eventId = (UUID) row[0];
            mail.recipient = (String) row[1];
            mail.subject = (String) row[2];
            mail.textBody = (String) row[3];
            mail.htmlBody = (String) row[4];
            mail.ics = (String) row[5];
            mail.icsMethod = (String) row[6];
            mail.unsubscribeUrl = (String) row[7];
            mail.status = Delivery.PENDING;
            mail.leaseOwner = run;
            return mail;
        });
    }

    /**
     * The SMTP server took the mail: recorded whoever holds the lease now, unless already recorded
     * (as {@link Delivery#sent}: the content goes, the attempt counts). One statement: this is done
     * once for every mail sent.
     */
    @Transactional(TxType.MANDATORY)
    public void recordSent(long id, Instant now) {
        em.createNativeQuery("""
                update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?1, last_error = null,
                    text_body = '', html_body = '', ics = null, ics_method = null, unsubscribe_url = null
                where id = ?2 and status <> 'SENT'""")
                .setParameter(1, now)
                .setParameter(2, id)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
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
        // Locked in id order, as a sender locks the rows of its batch (it records one mail and re-takes
        // the next in one transaction): two transactions never wait for each other in a circle.
        List<Delivery> queued = Delivery.<Delivery>find(
                        "subscriptionId = ?1 and status = ?2 order by id", subscriptionId, Delivery.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
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
