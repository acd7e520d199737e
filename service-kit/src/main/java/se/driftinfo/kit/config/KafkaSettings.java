package se.driftinfo.kit.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service's Kafka settings (Quarkus' {@code default-kafka-broker}: bootstrap servers, security)
 * narrowed to what one kind of client knows, so a client the kit creates itself (admin, producer,
 * consumer) meets the same broker the same way as the connector's, without warnings about settings it
 * does not use.
 */
public final class KafkaSettings {

    private KafkaSettings() {}

    /** The settings of {@code broker} whose names are in {@code known}, then {@code extra} over them. */
    public static Map<String, Object> forClient(
            Map<String, Object> broker, Set<String> known, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        broker.forEach((k, v) -> {
            if (known.contains(k)) {
                props.put(k, v);
            }
        });
        props.putAll(extra);
        return props;
    }
}
