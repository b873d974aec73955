package dev.ocpha.platform.messaging;

import dev.ocpha.contracts.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The handlers of one consumer, one per event type it acts on; other types on its topics are skipped. */
public final class EventHandlers {

    private final Map<Class<?>, Consumer<Event>> handlers = new LinkedHashMap<>();

    public static EventHandlers create() {
        return new EventHandlers();
    }

    @SuppressWarnings("unchecked")
    public <E extends Event> EventHandlers on(Class<E> type, Consumer<E> handler) {
        handlers.put(type, event -> handler.accept((E) event));
        return this;
    }

    Consumer<Event> handlerFor(Event event) {
        return handlers.get(event.getClass());
    }
}
