package se.driftinfo.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;

/**
 * The consumer side of exactly-once effects: an event id is recorded in the same transaction as the
 * change it causes, so a redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Records that {@code consumer} handles {@code eventId} now.
     *
     * @return true the first time; false if the event was already handled (skip it)
     */
    @Transactional(TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        int inserted = em.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
