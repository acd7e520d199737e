package se.driftinfo.notifier.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import se.driftinfo.notifier.NotifierConfig;

/**
 * Sends queued mail, outside any Kafka consumer (a blocking send inside an ordered consumer
 * deadlocked, INFRA-NOTES). Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and leased, so
 * replicas share the queue and never take one row at once; a failure leaves the row pending with a
 * later attempt time.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final Mailer mailer;
    private final EntityManager em;
    private final Clock clock;
    private final NotifierConfig.Delivery config;

    public DeliverySender(Mailer mailer, EntityManager em, Clock clock, NotifierConfig config) {
        this.mailer = mailer;
        this.em = em;
        this.clock = clock;
        this.config = config.delivery();
    }

    @Scheduled(
            every = "${driftinfo.notifier.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            while (sendDue() == config.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Delivery run stopped, next run retries: %s", e.getMessage());
        }
    }

    /**
     * Sends one batch of due mail; returns how many rows were claimed. Claiming is a short
     * transaction that leases the rows (pushes their next attempt past the lease), so no lock is held
     * while SMTP is slow; each result is recorded in its own transaction. A crash between sending and
     * recording sends that one mail again after the lease: at least once, never silently lost.
     */
    public int sendDue() {
        Instant now = Instant.now(clock);
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Long> claimed = em.createNativeQuery("""
                    select id from delivery where status = 'PENDING' and next_attempt_at <= ?1
                    order by id limit ?2 for update skip locked""", Long.class)
                    .setParameter(1, now)
                    .setParameter(2, config.batchSize())
                    .getResultList();
            if (!claimed.isEmpty()) {
                em.createNativeQuery("update delivery set next_attempt_at = ?1 where id = any(?2)")
                        .setParameter(1, now.plus(config.lease()))
                        .setParameter(2, claimed.toArray(Long[]::new))
                        .executeUpdate();
            }
            return claimed;
        });
        for (Long id : ids) {
            Mail mail = QuarkusTransaction.requiringNew().call(() -> toMail(em.find(Delivery.class, id)));
            String error = null;
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                error = rootMessage(e);
            }
            String failure = error;
            QuarkusTransaction.requiringNew().run(() -> {
                Delivery delivery = em.find(Delivery.class, id);
                if (failure == null) {
                    delivery.sent(Instant.now(clock));
                } else {
                    delivery.failed(
                            failure, Instant.now(clock), config.backoff(), config.maxBackoff(), config.maxAttempts());
                    LOG.warnf(
                            "Mail %d to %s failed (attempt %d), retry at %s: %s",
                            delivery.id,
                            delivery.recipient,
                            delivery.attempts,
                            delivery.nextAttemptAt,
                            delivery.lastError);
                }
            });
        }
        return ids.size();
    }

    static Mail toMail(Delivery delivery) {
        Mail mail = Mail.withHtml(delivery.recipient, delivery.subject, delivery.htmlBody)
                .setText(delivery.textBody);
        if (delivery.unsubscribeUrl != null) {
            // RFC 8058: mail programs show an unsubscribe button that POSTs to the address.
            mail.addHeader("List-Unsubscribe", "<" + delivery.unsubscribeUrl + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (delivery.ics != null) {
            // Outlook only acts on the part when its method= equals the body's METHOD.
            mail.addAttachment(
                    "driftinfo.ics",
                    delivery.ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; method=" + delivery.icsMethod + "; charset=UTF-8");
        }
        return mail;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
