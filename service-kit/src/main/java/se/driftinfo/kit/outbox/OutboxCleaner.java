package se.driftinfo.kit.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes relayed events after a retention period; the topic, not the outbox, is the history. */
@ApplicationScoped
public class OutboxCleaner {

    private final Clock clock;
    private final Duration retention;

    public OutboxCleaner(
            Clock clock,
            @ConfigProperty(name = "driftinfo.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void clean() {
        OutboxEvent.delete("publishedAt < ?1", Instant.now(clock).minus(retention));
    }
}
