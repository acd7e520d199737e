package se.driftinfo.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Records that {@code consumer} handles the events {@code eventIds} now, in one statement.
     *
     * @return the ids handled for the first time (an id twice in {@code eventIds} is in it once)
     */
    @Transactional(TxType.MANDATORY)
    public Set<UUID> firstTimeOf(String consumer, List<UUID> eventIds) {
        @SuppressWarnings("unchecked")
        List<UUID> inserted = em.createNativeQuery("""
                        with inserted as (
                            insert into processed_event (consumer, event_id)
                            select ?1, id from unnest(cast(?2 as uuid[])) as id
                            on conflict do nothing
                            returning event_id)
                        select event_id from inserted""", UUID.class)
                .setParameter(1, consumer)
                .setParameter(2, eventIds.toArray(UUID[]::new))
                .getResultList();
        return new HashSet<>(inserted);
    }
}
