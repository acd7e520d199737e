package se.driftinfo.incident;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.kit.inbox.IncomingEvent;

/** Reads CloudEvents from the real broker, from the beginning of a topic, as a consumer would. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Feeds events to {@code done} until it returns true; fails after {@code timeout}. */
    public static void readUntil(String topic, Duration timeout, Predicate<IncomingEvent> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.infrastructure().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (done.test(IncomingEvent.of(record))) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("The expected events did not appear on " + topic + " within " + timeout);
    }
}
