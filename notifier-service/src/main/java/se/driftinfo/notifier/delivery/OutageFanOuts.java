package se.driftinfo.notifier.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.kit.tx.AfterCommit;
import se.driftinfo.notifier.Csv;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionRepository;

/**
 * An outage mailed to everyone who wants it, without holding them all at once: the consumer records
 * the fan-out ({@link #start}), and {@link FanOutWorker} queues it a batch of subscriptions at a time
 * ({@link #queueNextBatch}), each batch in its own transaction, so the first mails are sent while
 * later batches are still being rendered.
 */
@ApplicationScoped
class OutageFanOuts {

    private final Recipients recipients;
    private final Deliveries deliveries;
    private final OutageMailComposer outageMails;
    private final EntityManager em;
    private final AfterCommit afterCommit;
    private final FanOutWorker worker;
    private final Clock clock;
    private final int batchSize;
    private final int firstBatchSize;

    OutageFanOuts(
            Recipients recipients,
            Deliveries deliveries,
            OutageMailComposer outageMails,
            EntityManager em,
            AfterCommit afterCommit,
            FanOutWorker worker,
            Clock clock,
            NotifierConfig config) {
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.outageMails = outageMails;
        this.em = em;
        this.afterCommit = afterCommit;
        this.worker = worker;
        this.clock = clock;
        this.batchSize = config.delivery().fanOutBatch();
        this.firstBatchSize = Math.min(batchSize, config.delivery().batchSize());
    }

    /** Records the fan-out of this event (once: a redelivered event finds it), in the consumer's transaction. */
    @Transactional(TxType.MANDATORY)
    void start(UUID eventId, String type, OutageEventV1 event) {
        em.createNativeQuery("""
                insert into fan_out (event_id, event_type, payload, region, systems, queued, created_at)
                values (?1, ?2, ?3, ?4, ?5, 0, ?6)
                on conflict (event_id) do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, EventJson.write(event))
                .setParameter(4, event.outage().region())
                .setParameter(5, Csv.join(event.outage().systems()))
                .setParameter(6, Instant.now(clock))
                .executeUpdate();
        afterCommit.once(FanOutWorker.class, worker::wake);
    }

    /** Fan-outs with subscribers still to queue, oldest first. */
    List<UUID> open() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select f.eventId from FanOut f where f.doneAt is null order by f.createdAt", UUID.class)
                .getResultList());
    }

    /**
     * Queues the next batch of one fan-out in a transaction of its own: renders and queues a mail for
     * each subscription of the batch that wants it, and moves the cursor past the batch.
     *
     * @return true if there may be more; false when done, or when another replica is queuing it now
     */
    boolean queueNextBatch(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FanOut fanOut = em.createQuery("from FanOut f where f.eventId = ?1 and f.doneAt is null", FanOut.class)
                    .setParameter(1, eventId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica has it
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (fanOut == null) {
                return false;
            }
            OutageEventV1 event = EventJson.read(fanOut.payload, OutageEventV1.class);
            MailKind kind = MailKind.ofOutageEvent(fanOut.eventType);
            // The first batch is small, so that the first mails are on their way at once.
            int size = fanOut.afterSubscription == null ? firstBatchSize : batchSize;
            SubscriptionRepository.Page page =
                    recipients.interestedIn(fanOut.region, fanOut.systems, fanOut.afterSubscription, size);
            List<Subscription> wanting = page.wanting();
            List<RenderedMail> mails = outageMails.compose(kind, event, wanting);
            List<Deliveries.Queued> batch = new ArrayList<>(wanting.size());
            for (int i = 0; i < wanting.size(); i++) {
                Subscription s = wanting.get(i);
                batch.add(new Deliveries.Queued(s.email, s.id, mails.get(i)));
            }
            int queued = deliveries.enqueueAll(eventId, batch);
            fanOut.advance(page.last(), queued, page.end(), Instant.now(clock));
            return !fanOut.done();
        });
    }
}
