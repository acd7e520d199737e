package se.driftinfo.kit.inbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.driftinfo.contracts.catalog.RegionV1;

/**
 * A consumer written the way every service writes one: a one-line {@code @Incoming} method that hands
 * the record (or the poll) to the kit. It records each handling as a row, so handling an event twice would show.
 */
@ApplicationScoped
public class RegionRecorder {

    static final String TOPIC = "driftinfo.test.kit-inbox";
    static final String CONSUMER = "kit-test-regions";
    /** The same records, taken a poll at a time ({@code batch=true}). */
    static final String BATCH_TOPIC = "driftinfo.test.kit-inbox-batch";

    static final String BATCH_CONSUMER = "kit-test-regions-batch";
    /** A region with this name makes the handler fail, as a bug or a broken row would. */
    static final String FAIL = "fail";
    /**
     * A region named {@code transient-N} meets a real passing database failure (PostgreSQL cancels a
     * statement that outlives its timeout, SQL state 57014) on its first N attempts.
     */
    static final String TRANSIENT = "transient-";
    /** Region names whose handling fails until a test takes them out (a bug that gets fixed). */
    static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();
    /** Attempts per event id. */
    static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final IdempotentConsumer inbox;
    private final EntityManager em;
    private final EventHandler handler;

    public RegionRecorder(IdempotentConsumer inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
        this.handler = EventHandler.on(RegionV1.class, this::record);
    }

    @Incoming("kit-test")
    @Blocking
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, handler);
    }

    @Incoming("kit-test-batch")
    @Blocking
    void onPoll(ConsumerRecords<String, String> records) {
        inbox.consumeAll(BATCH_CONSUMER, records, handler);
    }

    EventHandler handler() {
        return handler;
    }

    private void record(IncomingEvent event, RegionV1 region) {
        int attempt =
                ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (FAIL.equals(region.name())) {
            throw new IllegalStateException("the handler failed");
        }
        if (BROKEN.contains(region.name())) {
            throw new IllegalStateException("the handler has a bug for " + region.name());
        }
        if (region.name().startsWith(TRANSIENT)
                && attempt <= Integer.parseInt(region.name().substring(TRANSIENT.length()))) {
            em.createNativeQuery("set local statement_timeout = 50").executeUpdate();
            em.createNativeQuery("select pg_sleep(2)").getSingleResult();
        }
        em.createNativeQuery("insert into recorded_region (event_id, code) values (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, region.code())
                .executeUpdate();
    }
}
