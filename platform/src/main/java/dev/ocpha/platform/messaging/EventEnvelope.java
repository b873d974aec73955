package dev.ocpha.platform.messaging;

import dev.ocpha.contracts.Event;
import dev.ocpha.contracts.EventType;
import java.time.OffsetDateTime;

/** An event as read from Kafka: the CloudEvents attributes plus the decoded record. */
public record EventEnvelope(String id, EventType type, int schemaVersion, String deploymentId, String causationId,
                            String correlationId, String source, OffsetDateTime time, Event payload) {
}
