package se.driftinfo.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import se.driftinfo.contracts.EventJson;

/**
 * A CloudEvent read from a Kafka record in binary mode: attributes from the {@code ce_*} headers,
 * data from the value.
 */
public record IncomingEvent(UUID id, String type, String source, String subject, String key, String json) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("Not a CloudEvent (no ce_id/ce_type headers) at " + record.topic() + "/"
                    + record.partition() + "@" + record.offset());
        }
        return new IncomingEvent(
                UUID.fromString(id),
                type,
                header(record, "ce_source"),
                header(record, "ce_subject"),
                record.key(),
                record.value());
    }

    /** The data as the payload record its type names. */
    public <T> T data(Class<T> payload) {
        return EventJson.read(json, payload);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
