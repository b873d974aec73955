package dev.ocpha.platform.messaging;

import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * The correlation id of the current request or event and the id of what caused the work in hand. Kept in the
 * logging MDC, which Quarkus carries across the event loop and worker threads of one request, so every log line
 * shows it and every event written by the outbox carries it on.
 */
public final class Correlation {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String HTTP_HEADER = "X-Correlation-Id";

    private Correlation() {
    }

    public static String correlationId() {
        Object value = MDC.get(CORRELATION_ID);
        return value == null ? null : value.toString();
    }

    public static String causationId() {
        Object value = MDC.get(CAUSATION_ID);
        return value == null ? null : value.toString();
    }

    /** Sets both ids for the scope; a missing correlation id gets a new one. Close to restore what was there. */
    public static Scope open(String correlationId, String causationId) {
        Object previousCorrelation = MDC.get(CORRELATION_ID);
        Object previousCausation = MDC.get(CAUSATION_ID);
        put(CORRELATION_ID, correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId);
        put(CAUSATION_ID, causationId);
        return () -> {
            put(CORRELATION_ID, previousCorrelation);
            put(CAUSATION_ID, previousCausation);
        };
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
