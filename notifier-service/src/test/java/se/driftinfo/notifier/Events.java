package se.driftinfo.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.InfraTestResource;

/**
 * Puts CloudEvents on the real broker exactly as the upstream services' outbox relay does: binary
 * mode ({@code ce_*} headers), JSON data as value, keyed by aggregate id.
 */
public final class Events {

    private static KafkaProducer<String, String> producer;

    private Events() {}

    /** Publishes an event with a new id; returns the id. */
    public static UUID publish(String topic, String key, String type, Object data) {
        UUID id = UUID.randomUUID();
        publish(id, topic, key, type, data);
        return id;
    }

    /** Publishes an event with a chosen id (a redelivery uses the same id). */
    public static void publish(UUID id, String topic, String key, String type, Object data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.write(data));
        header(record, "ce_id", id.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", type.contains(".incident.") ? EventSources.INCIDENT : EventSources.MAINTENANCE);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish test event", e);
        }
    }

    /** A region on the catalog topic, so that subscriptions to it validate. */
    public static void region(String code, String... systems) {
        RegionV1 region = new RegionV1(
                code,
                "Region " + code,
                "Europe/Stockholm",
                new RegionV1.SupportHoursV1(false, "07:00", "16:00"),
                List.of(systems).stream()
                        .map(s -> new RegionV1.SystemV1(s, s.toUpperCase()))
                        .toList());
        publish(Topics.CATALOG, code, EventTypes.REGION_PUBLISHED, region);
    }

    /** A monthly "third Wednesday 17:00–23:00 Stockholm" window, or a one-off when {@code rule} is null. */
    public static WindowV1 window(
            UUID id,
            int sequence,
            String region,
            List<String> systems,
            LocalDateTime start,
            LocalDateTime end,
            String rule,
            List<OccurrenceExceptionV1> exceptions,
            Instant updatedAt) {
        return new WindowV1(
                id,
                sequence,
                "FU-stopp",
                "Planerat underhåll. Använd reservrutiner.",
                region,
                systems,
                "Europe/Stockholm",
                start,
                end,
                rule,
                "SCHEDULED",
                exceptions,
                null,
                updatedAt);
    }

    public static UUID window(String type, WindowV1 window, WindowEventV1.OccurrenceChangeV1 change) {
        return publish(Topics.MAINTENANCE, window.id().toString(), type, new WindowEventV1(window, change, null));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    InfraTestResource.infrastructure().kafka().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.ACKS_CONFIG,
                    "all"));
        }
        return producer;
    }
}
