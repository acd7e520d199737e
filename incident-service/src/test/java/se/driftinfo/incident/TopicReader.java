package se.driftinfo.incident;

import java.time.Duration;
import java.util.function.Predicate;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.kit.inbox.IncomingEvent;

/** Reads CloudEvents from the real broker, from the beginning of a topic, as a consumer would. */
public final class TopicReader {

    private TopicReader() {}

    /** Feeds events to {@code done} until it returns true; fails after {@code timeout}. */
    public static void readUntil(String topic, Duration timeout, Predicate<IncomingEvent> done) {
        InfraTestResource.kafka().readUntil(topic, timeout, record -> done.test(IncomingEvent.of(record)));
    }
}
