package se.driftinfo.notifier.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import se.driftinfo.kit.tx.AfterCommit;

/** The mail queue's write side. */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final AfterCommit afterCommit;
    private final DeliverySender sender;

    public Deliveries(
            EntityManager em,
            AgroalDataSource dataSource,
            Clock clock,
            AfterCommit afterCommit,
            DeliverySender sender) {
        this.em = em;
        this.dataSource = dataSource;
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
            afterCommit.once(DeliverySender.class, sender::wakeOne);
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
     * Leases up to {@code limit} mails due at {@code now} to {@code run} until {@code leaseEnd}: names
     * the run as owner and pushes the next attempt past the lease, so no lock is held while SMTP is
     * slow and no other run takes them meanwhile. One statement, its own transaction (plain JDBC, as
     * {@link #retake}); {@code skip locked} lets senders and replicas claim side by side.
     *
     * <p>The mail due longest goes first, read in the order of the index {@code delivery_due}: ordered
     * by id, the claim walked past every mail ever sent (migration V5).
     *
     * @return the ids claimed, in id order, the order the run re-takes them in (see {@link #cancelQueuedFor})
     */
    public List<Long> claim(UUID run, Instant now, Instant leaseEnd, int limit) {
        // array(): the subquery is evaluated once, so never more than the batch is leased.
        String sql = """
                update delivery set next_attempt_at = ?, lease_owner = ?
                where id = any(array(select id from delivery where status = 'PENDING' and next_attempt_at <= ?
                    order by next_attempt_at, id limit ? for update skip locked))
                returning id""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, utc(leaseEnd));
            statement.setObject(2, run);
            statement.setObject(3, utc(now));
            statement.setInt(4, limit);
            List<Long> claimed = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getLong(1));
                }
            }
            Collections.sort(claimed);
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim mail to send: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the lease on a mail again for {@code run}, until {@code leaseEnd}, if the run still holds
     * it and the mail is still pending; one statement that also reads the mail to send, and records
     * the mail the run sent just before (as {@link #recordSent}), so each mail costs one statement.
     *
     * <p>Plain JDBC, in the caller's transaction if there is one, else one statement is its own
     * transaction: the sender does this once per mail, and a JTA transaction with a Hibernate native
     * query around it cost more CPU than the statement (JFR, #14).
     *
     * @param sentBefore the mail the run's SMTP server took just before, not yet recorded, or null
     * @return the mail (not managed: changing it writes nothing), or empty if the run lost it (another run took it over, it was sent or cancelled)
     */
    public Optional<Delivery> retake(long id, UUID run, Instant leaseEnd, Long sentBefore) {
        // The CTE runs whether or not the main statement finds its row; with no mail before, it
        // matches nothing (ids are positive).
        String sql = """
                with sent as (
                    update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null,
                        text_body = '', html_body = '', ics = null, ics_method = null, unsubscribe_url = null
                    where id = ? and status <> 'SENT')
                update delivery set next_attempt_at = ?
                where id = ? and lease_owner = ? and status = 'PENDING'
                returning event_id, recipient, subject, text_body, html_body, ics, ics_method, unsubscribe_url""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, utc(Instant.now(clock)));
            statement.setLong(2, sentBefore == null ? -1L : sentBefore);
            statement.setObject(3, utc(leaseEnd));
            statement.setLong(4, id);
            statement.setObject(5, run);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Delivery mail = new Delivery();
                mail.id = id;
                mail.eventId = row.getObject(1, UUID.class);
                mail.recipient = row.getString(2);
                mail.subject = row.getString(3);
                mail.textBody = row.getString(4);
                mail.htmlBody = row.getString(5);
                mail.ics = row.getString(6);
                mail.icsMethod = row.getString(7);
                mail.unsubscribeUrl = row.getString(8);
                mail.status = Delivery.PENDING;
                mail.leaseOwner = run;
                return Optional.of(mail);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-take mail " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SMTP server took the mail: recorded whoever holds the lease now, unless already recorded
     * (as {@link Delivery#sent}: the content goes, the attempt counts). One statement, plain JDBC as
     * {@link #retake}: the last mail of a sender's batch is recorded alone.
     */
    public void recordSent(long id, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null,
                            text_body = '', html_body = '', ics = null, ics_method = null, unsubscribe_url = null
                        where id = ? and status <> 'SENT'""")) {
            statement.setObject(1, utc(now));
            statement.setLong(2, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record mail " + id + " as sent: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
        // the next in one statement): two transactions never wait for each other in a circle.
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
