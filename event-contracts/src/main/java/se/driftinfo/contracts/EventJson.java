package se.driftinfo.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of event payloads, used by producers and consumers alike so that both sides
 * agree on dates (ISO-8601 strings) and tolerate fields added later.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventJson() {}

    public static String write(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialise event payload " + payload.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not a valid " + type.getSimpleName() + " payload: " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes the data of an event of a known CloudEvents type. */
    public static Object readData(String type, String json) {
        Class<?> payload = EventTypes.PAYLOADS.get(type);
        if (payload == null) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        return read(json, payload);
    }
}
