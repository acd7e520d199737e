package se.driftinfo.kit.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import se.driftinfo.kit.config.InboxConfig;

/**
 * Forgets processed event ids after a retention period. Redelivery happens within minutes (a consumer
 * restarting before its offset commit), so the default month is ample; a deliberate replay of older
 * events is absorbed by the consumers' newest-snapshot-wins rule instead.
 */
@ApplicationScoped
public class ProcessedEventCleaner {

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEventCleaner(EntityManager em, Clock clock, InboxConfig config) {
        this.em = em;
        this.clock = clock;
        this.retention = config.retention();
    }

    @Scheduled(every = "1h", delayed = "7m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void clean() {
        em.createNativeQuery("delete from processed_event where processed_at < ?1")
                .setParameter(1, Instant.now(clock).minus(retention))
                .executeUpdate();
    }
}
