package se.driftinfo.kit.inbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.driftinfo.kit.config.KafkaSettings;

/**
 * Puts one record of a batch on the service's dead-letter topic, as the connector's
 * {@code dead-letter-queue} failure strategy puts a single record there: same key, value and
 * headers, plus the {@code dead-letter-*} headers saying why and where it was read, which
 * {@link DeadLetters} uses to replay it. A batch consumer needs this because the connector can only
 * fail a whole batch, and would dead-letter every record of it.
 */
@ApplicationScoped
class DeadLetterWriter {

    private final Map<String, Object> kafka;
    private final String topic;
    private KafkaProducer<String, String> producer;

    DeadLetterWriter(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /**
     * Writes {@code record} to the dead-letter topic and waits until the broker has it on all in-sync
     * replicas: only then may the batch's offsets be committed.
     *
     * @throws IllegalStateException if the broker did not take it (the caller retries)
     */
    void write(ConsumerRecord<String, String> record, Throwable cause) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header h : record.headers()) {
            letter.headers().add(h);
        }
        header(letter, "dead-letter-reason", message(cause));
        header(letter, "dead-letter-exception-class-name", cause.getClass().getName());
        if (cause.getCause() != null && cause.getCause() != cause) {
            header(letter, "dead-letter-cause", message(cause.getCause()));
            header(
                    letter,
                    "dead-letter-cause-class-name",
                    cause.getCause().getClass().getName());
        }
        header(letter, "dead-letter-topic", record.topic());
        header(letter, "dead-letter-partition", Integer.toString(record.partition()));
        header(letter, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the dead letter for " + topic + ": " + e, e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    KafkaSettings.forClient(
                            kafka,
                            ProducerConfig.configNames(),
                            Map.of(
                                    ProducerConfig.ACKS_CONFIG, "all",
                                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000",
                                    ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-writer")),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
