package se.driftinfo.notifier.window;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class MaintenanceConsumerTest {

    static final String DLQ = "driftinfo.dlq.notifier-service";
    static final LocalDateTime START = LocalDateTime.of(2027, 9, 1, 18, 0);

    @Test
    void eventThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.MAINTENANCE, key, "{\"window\": 42");
        poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        poison.headers().add("ce_type", EventTypes.WINDOW_SCHEDULED.getBytes(StandardCharsets.UTF_8));
        poison.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(poison).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        UUID id = UUID.fromString(key);
        Events.window(EventTypes.WINDOW_SCHEDULED, window(id, 0, "Efter giftet"), null);

        awaitFeedWith(id, "SUMMARY:Efter giftet");
        assertTrue(readDeadLetters(key), "the unreadable event is on " + DLQ);
    }

    @Test
    void olderSnapshotNeverOverwritesANewerOne() {
        UUID id = UUID.randomUUID();
        Events.window(EventTypes.WINDOW_UPDATED, window(id, 3, "Version 3"), null);
        Events.window(EventTypes.WINDOW_SCHEDULED, window(id, 1, "Version 1"), null);
        Events.window(EventTypes.WINDOW_UPDATED, window(id, 4, "Version 4"), null);
        String feed = awaitFeedWith(id, "SUMMARY:Version 4");
        Events.window(EventTypes.WINDOW_UPDATED, window(id, 2, "Version 2"), null);
        Events.window(EventTypes.WINDOW_UPDATED, window(id, 5, "Version 5"), null);
        feed = awaitFeedWith(id, "SUMMARY:Version 5");
        assertFalse(feed.contains("SUMMARY:Version 2"));
        assertEquals(1, feed.split("UID:window-" + id, -1).length - 1);
    }

    private static WindowV1 window(UUID id, int sequence, String title) {
        return new WindowV1(
                id,
                sequence,
                title,
                null,
                "norrbotten",
                List.of("cosmic"),
                "Europe/Stockholm",
                START,
                START.plusHours(2),
                null,
                "SCHEDULED",
                List.of(),
                null,
                Instant.parse("2027-01-01T00:00:00Z").plusSeconds(sequence));
    }

    private static String awaitFeedWith(UUID id, String text) {
        return Eventually.until(
                Duration.ofSeconds(20),
                text,
                () -> given().get("/feeds/all.ics").asString().replace("\r\n ", ""),
                feed -> feed.contains("UID:window-" + id) && feed.contains(text));
    }

    private static boolean readDeadLetters(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(DLQ));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String bootstrap() {
        return InfraTestResource.infrastructure().kafka().bootstrapServers();
    }
}
