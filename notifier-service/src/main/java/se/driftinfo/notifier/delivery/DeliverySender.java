package se.driftinfo.notifier.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.driftinfo.kit.work.WakeableWork;
import se.driftinfo.notifier.NotifierConfig;

/**
 * Sends queued mail, outside any Kafka consumer (a blocking send inside an ordered consumer
 * deadlocked, INFRA-NOTES). Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and leased to one
 * sender run, so replicas, and the {@code delivery.senders} senders of one replica, share the queue
 * and never take one row at once; a failure leaves the row pending with a later attempt time, or
 * gives it up at once when the server refused it for good. Queued mail wakes the senders when its
 * transaction commits; the schedule only picks up what fell due later (retries, expired leases).
 *
 * <p>Delivery is at least once: a crash (or a send slower than the lease) between the SMTP server
 * taking a mail and the row being recorded as sent lets a sender send it again later. Every attempt
 * carries the same {@code Message-ID}, derived from the row, so the copy is recognisable as one.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final SmtpClient smtp;
    private final Deliveries deliveries;
    private final EntityManager em;
    private final Clock clock;
    private final NotifierConfig.Delivery config;
    private final String messageIdDomain;
    private final WakeableWork senders;

    public DeliverySender(
            SmtpClient smtp, Deliveries deliveries, EntityManager em, Clock clock, NotifierConfig config) {
        this.smtp = smtp;
        this.deliveries = deliveries;
        this.em = em;
        this.clock = clock;
        this.config = config.delivery();
        this.messageIdDomain = config.organizer().substring(config.organizer().indexOf('@') + 1);
        this.senders = new WakeableWork("mail-sender", this.config.senders(), this::sendAllDue);
    }

    /** Looks for mail that fell due (a retry after its backoff, a lease run out) and wakes the senders. */
    @Scheduled(
            every = "${driftinfo.notifier.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        wakeOne(); // a sender that finds a full batch due brings the others
    }

    /**
     * Mail may be due: starts senders up to {@code senders}, each sending batch after batch over its
     * own SMTP connection until nothing is due. Called after a transaction that queued a batch of mail
     * commits (a fan-out).
     */
    void wake() {
        senders.wake();
    }

    /**
     * One mail was queued (a receipt, a confirmation): one sender takes it. Waking all of them for it
     * made each look, about four claims per mail sent during a burst of fault reports, the notifier's
     * costliest statement (docs/benchmarks.md).
     */
    void wakeOne() {
        senders.wakeOne();
    }

    private void sendAllDue() {
        // A batch not full was all that was due when claimed: mail queued since wakes a sender itself.
        // A full one means more is waiting: the other senders help.
        while (sendDue() == config.batchSize()) {
            senders.wake();
        }
    }

    @PreDestroy
    void stop() {
        senders.close();
    }

    /**
     * Sends one batch of due mail; returns how many rows were claimed. Claiming is one
     * statement that leases the rows to this run (pushes their next attempt past the lease and names
     * the run as owner), so no lock is held while SMTP is slow. A success is recorded in the statement
     * that re-takes the lease of the next mail, right after the send, so each mail costs one statement
     * instead of two transactions; a failure is recorded in a transaction of its own.
     */
    public int sendDue() {
        UUID run = UUID.randomUUID();
        List<Long> ids = claim(run, Instant.now(clock));
        Long sent = null;
        for (Long id : ids) {
            sent = send(run, id, sent, Instant.now(clock)) ? id : null;
        }
        if (sent != null) {
            recordSent(sent);
        }
        return ids.size();
    }

    /** Leases up to a batch of mail due at {@code now} to {@code run}. */
    List<Long> claim(UUID run, Instant now) {
        return deliveries.claim(run, now, now.plus(config.lease()), config.batchSize());
    }

    /**
     * Sends one claimed mail if {@code run} still holds it, and records the result.
     *
     * @return true if the SMTP server took the mail
     */
    boolean send(UUID run, long id, Instant now) {
        boolean taken = send(run, id, null, now);
        if (taken) {
            recordSent(id);
        }
        return taken;
    }

    /**
     * Sends one claimed mail if {@code run} still holds it; records a failure, and leaves a success to
     * the caller to record (with the next mail's re-take, or alone).
     *
     * <p>Right before sending, the lease is taken again for a full period: only if this run is still
     * its owner and the mail is still pending. A run whose batch outlived its lease finds another run
     * named as owner (that one claimed the row after the lease ran out) and neither sends nor records
     * anything; a mail cancelled meanwhile is not sent either. The renewed lease covers the one SMTP
     * conversation, which times out long before it ends.
     *
     * @param sentBefore the mail this run sent just before, not yet recorded, or null: it is recorded in
     *     the statement that re-takes this one, and is even if this mail is no longer the run's
     * @return true if the SMTP server took the mail (not yet recorded)
     */
    private boolean send(UUID run, long id, Long sentBefore, Instant now) {
        // Outside any transaction: the one statement is a transaction of its own.
        Optional<Delivery> leased = deliveries.retake(id, run, now.plus(config.lease()), sentBefore);
        if (leased.isEmpty()) {
            LOG.debugf("Mail %d is no longer this sender's to send (lease lost, sent or cancelled)", id);
            return false;
        }
        SmtpFailure failure = null;
        try {
            smtp.send(toMessage(leased.get(), Date.from(now)));
        } catch (MessagingException | RuntimeException e) {
            failure = SmtpFailure.of(e);
        }
        if (failure != null) {
            record(run, id, failure);
        }
        return failure == null;
    }

    private void recordSent(long id) {
        deliveries.recordSent(id, Instant.now(clock));
    }

    /**
     * Records one attempt. A success is recorded whoever holds the lease now: it is a fact, and a
     * sender that took the row over then finds it sent and does not send it again. A failure is
     * recorded only by the lease holder, so a sender that lost the row cannot push back the attempt
     * time or count attempts of the run that holds it.
     */
    void record(UUID run, long id, SmtpFailure failure) {
        if (failure == null) {
            recordSent(id);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
            Instant now = Instant.now(clock);
            if (!delivery.pending() || !run.equals(delivery.leaseOwner)) {
                return;
            }
            delivery.failed(
                    failure.message(),
                    failure.permanent(),
                    now,
                    config.backoff(),
                    config.maxBackoff(),
                    config.maxAttempts());
            if (Delivery.FAILED.equals(delivery.status)) {
                LOG.errorf(
                        "Mail %d to %s given up after %d attempt(s)%s: %s",
                        delivery.id,
                        delivery.recipient,
                        delivery.attempts,
                        failure.permanent() ? ", refused permanently" : "",
                        delivery.lastError);
            } else {
                LOG.warnf(
                        "Mail %d to %s failed (attempt %d), retry at %s: %s",
                        delivery.id, delivery.recipient, delivery.attempts, delivery.nextAttemptAt, delivery.lastError);
            }
        });
    }

    private MimeMessage toMessage(Delivery delivery, Date now) throws MessagingException {
        return MailMessage.of(delivery, smtp.session(), smtp.from(), messageIdDomain, now);
    }

    /** {@code <delivery-42.<event id>@driftinfo.se>}: unique per row, stable across attempts. */
    static String messageId(Delivery delivery, String domain) {
        return "<delivery-" + delivery.id + "." + delivery.eventId + "@" + domain + ">";
    }
}
