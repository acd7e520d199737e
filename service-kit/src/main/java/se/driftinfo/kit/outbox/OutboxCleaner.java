package se.driftinfo.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import se.driftinfo.kit.config.OutboxConfig;

/** Deletes relayed events after a retention period; the topic, not the outbox, is the history. */
@ApplicationScoped
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxCleaner {

    private final Clock clock;
    private final Duration retention;

    public OutboxCleaner(Clock clock, OutboxConfig config) {
        this.clock = clock;
        this.retention = config.retention();
    }

    @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void clean() {
        OutboxEvent.delete("publishedAt < ?1", Instant.now(clock).minus(retention));
    }
}
