package dev.ocpha.planner.api;

import dev.ocpha.planner.persistence.WebhookDeliveryEntity;
import java.time.OffsetDateTime;

/** One event's delivery to a webhook: its status, attempts and the last answer (HTTP status) or error. */
public record DeliveryView(long id, String eventId, String eventType, String status, int attempts,
                           Integer lastStatus, String lastError, OffsetDateTime createdAt,
                           OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {

    static DeliveryView of(WebhookDeliveryEntity d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.status.name(), d.attempts, d.lastStatus,
                d.lastError, d.createdAt, d.lastAttemptAt, d.nextAttemptAt, d.deliveredAt);
    }
}
