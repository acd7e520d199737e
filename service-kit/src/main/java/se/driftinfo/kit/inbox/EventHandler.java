package se.driftinfo.kit.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import se.driftinfo.contracts.EventTypes;

/**
 * What a consumer does with each payload type it cares about; every other type on the topic is
 * skipped. Built once per consumer: {@code EventHandler.on(WindowEventV1.class, this::apply)}.
 */
public final class EventHandler {

    private final Map<Class<?>, BiConsumer<IncomingEvent, Object>> byPayload;

    private EventHandler(Map<Class<?>, BiConsumer<IncomingEvent, Object>> byPayload) {
        this.byPayload = byPayload;
    }

    public static <T> EventHandler on(Class<T> payload, BiConsumer<IncomingEvent, T> handler) {
        return new EventHandler(new LinkedHashMap<>()).or(payload, handler);
    }

    /** Also handles {@code payload}; returns a new handler, this one is unchanged. */
    public <T> EventHandler or(Class<T> payload, BiConsumer<IncomingEvent, T> handler) {
        Map<Class<?>, BiConsumer<IncomingEvent, Object>> copy = new LinkedHashMap<>(byPayload);
        copy.put(payload, (event, data) -> handler.accept(event, payload.cast(data)));
        return new EventHandler(copy);
    }

    /**
     * @return false if this handler has nothing to do with the event's type
     * @throws IllegalArgumentException if no event contract knows the type (a newer version than this
     *     service was built with): it must not be skipped and forgotten, but dead-lettered and replayed
     *     once the service knows it
     */
    boolean handle(IncomingEvent event) {
        Class<?> payload = EventTypes.PAYLOADS.get(event.type());
        if (payload == null) {
            throw new IllegalArgumentException("Unknown event type " + event.type()
                    + ": this service's event contracts do not know it (a newer version?)");
        }
        BiConsumer<IncomingEvent, Object> handler = byPayload.get(payload);
        if (handler == null) {
            return false;
        }
        handler.accept(event, event.data(payload));
        return true;
    }
}
