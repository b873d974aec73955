package dev.ocpha.platform.messaging;

import dev.ocpha.contracts.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The handlers of one consumer, one per event type it acts on; other types on its topics are skipped, unless a
 * consumer of every event ({@link #onEvery}) takes them.
 */
public final class EventHandlers {

    private final Map<Class<?>, Consumer<EventEnvelope>> handlers = new LinkedHashMap<>();
    private Consumer<EventEnvelope> every;

    public static EventHandlers create() {
        return new EventHandlers();
    }

    @SuppressWarnings("unchecked")
    public <E extends Event> EventHandlers on(Class<E> type, Consumer<E> handler) {
        handlers.put(type, envelope -> handler.accept((E) envelope.payload()));
        return this;
    }

    /** Handles every event without a handler of its own, with its CloudEvents attributes. */
    public EventHandlers onEvery(Consumer<EventEnvelope> handler) {
        every = handler;
        return this;
    }

    Consumer<EventEnvelope> handlerFor(EventEnvelope envelope) {
        return handlers.getOrDefault(envelope.payload().getClass(), every);
    }
}
