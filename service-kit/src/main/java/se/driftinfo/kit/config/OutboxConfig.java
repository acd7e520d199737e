package se.driftinfo.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The transactional outbox and its relay to Kafka. Defaults in the kit's {@code microprofile-config.properties}. */
@ConfigMapping(prefix = "driftinfo.outbox")
public interface OutboxConfig {

    /**
     * Whether this service publishes events: the relay, its Kafka channel {@code outbox} and the
     * cleaner exist only where it is true. A build-time switch (a service that publishes nothing sets
     * it to false in its application.properties).
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for unpublished events, e.g. {@code 1s}. */
    @WithDefault("1s")
    String pollInterval();

    /** How long after start-up the relay first looks. */
    @WithDefault("1s")
    String initialDelay();

    /** Events per relay transaction; a full batch is followed at once by the next. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it retries the whole batch. */
    @WithDefault("PT15S")
    Duration ackTimeout();

    /**
     * After how many failed sends an event is parked (set aside so later events flow) when the events
     * around it got through, i.e. the failure is the event's own and not the broker's. An error Kafka
     * will never accept (record too large, not serialisable, invalid topic) parks it at once; a batch in
     * which nothing got through (the broker is away) parks nothing.
     */
    @WithDefault("10")
    int maxAttempts();

    /** How long relayed events stay in the outbox table; the topic, not the table, is the history. */
    @WithDefault("P7D")
    Duration retention();
}
