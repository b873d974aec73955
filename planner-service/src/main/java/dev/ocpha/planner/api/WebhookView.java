package dev.ocpha.planner.api;

import dev.ocpha.planner.persistence.WebhookSubscriptionEntity;
import java.time.OffsetDateTime;
import java.util.List;

/** A webhook subscription as the API shows it: never the secret, nor its reference. */
public record WebhookView(String id, String url, List<String> eventTypes, String deploymentId,
                          OffsetDateTime createdAt) {

    static WebhookView of(WebhookSubscriptionEntity s) {
        return new WebhookView(s.id.toString(), s.url, s.eventTypeList(),
                s.deploymentId == null ? null : s.deploymentId.toString(), s.createdAt);
    }
}
