package se.driftinfo.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.driftinfo.contracts.catalog.RegionV1;

/**
 * A consumer written the way every service writes one: a one-line {@code @Incoming} method that hands
 * the record to the kit. It records each handling as a row, so handling an event twice would show.
 */
@ApplicationScoped
public class RegionRecorder {

    static final String TOPIC = "driftinfo.test.kit-inbox";
    static final String CONSUMER = "kit-test-regions";
    /** A region with this name makes the handler fail, as a bug or a broken row would. */
    static final String FAIL = "fail";

    private final IdempotentConsumer inbox;
    private final EntityManager em;
    private final EventHandler handler;

    public RegionRecorder(IdempotentConsumer inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
        this.handler = EventHandler.on(RegionV1.class, this::record);
    }

    @Incoming("kit-test")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, handler);
    }

    EventHandler handler() {
        return handler;
    }

    private void record(IncomingEvent event, RegionV1 region) {
        if (FAIL.equals(region.name())) {
            throw new IllegalStateException("the handler failed");
        }
        em.createNativeQuery("insert into recorded_region (event_id, code) values (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, region.code())
                .executeUpdate();
    }
}
