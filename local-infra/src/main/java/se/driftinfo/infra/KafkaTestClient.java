package se.driftinfo.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What tests need of the real broker: read a topic from its beginning as a new consumer would, and
 * write binary-mode CloudEvents exactly as the services' outbox relay does.
 */
public final class KafkaTestClient {

    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Feeds records to {@code done} until it returns true; fails after {@code timeout}. */
    public void readUntil(String topic, Duration timeout, Predicate<ConsumerRecord<String, String>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (done.test(record)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("The expected records did not appear on " + topic + " within " + timeout);
    }

    /**
     * Publishes one CloudEvent (binary mode: {@code ce_*} headers, JSON data as value) and waits for the ack.
     *
     * @return the event id
     */
    public UUID publish(String topic, String key, String type, String source, String jsonData) {
        return publish(topic, key, UUID.randomUUID(), type, source, jsonData);
    }

    /** As {@link #publish(String, String, String, String, String)} with a chosen id, e.g. to redeliver one. */
    public UUID publish(String topic, String key, UUID id, String type, String source, String jsonData) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, jsonData);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
