package dev.ocpha.planner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.planner.persistence.OperatorActionEntity;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An operator action as the API shows it: what to do and where ({@code fields} name secrets by reference only), its
 * status ({@code AWAITING_OPERATOR}, {@code COMPLETED}, {@code SUCCEEDED}, {@code FAILED}), who completed it with
 * what note, and why it failed when it did.
 */
public record ActionView(String actionId, String stepId, String kind, String host, String cluster, int attempt,
                         String title, String instructions, Map<String, String> fields, String source, String status,
                         OffsetDateTime requestedAt, OffsetDateTime completedAt, String completedBy, String note,
                         String outcome) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ActionView of(OperatorActionEntity a) {
        Map<String, String> fields;
        try {
            fields = JSON.readValue(a.fields, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fields of action " + a.actionId + " are unreadable", e);
        }
        return new ActionView(a.actionId, a.stepId, a.kind, a.host, a.cluster, a.attempt, a.title, a.instructions,
                fields, a.source, a.status.name(), a.requestedAt, a.completedAt, a.completedBy, a.note, a.outcome);
    }
}
