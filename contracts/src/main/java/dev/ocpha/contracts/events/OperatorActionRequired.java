package dev.ocpha.contracts.events;

import java.util.Map;

/**
 * A step reached what no documented interface can do (standby registration in OCP's console): a person must act.
 * {@code instructions} say where and what; {@code fields} are the values to enter, by the form's labels, where a
 * password names the secret reference that holds it, never the secret. {@code source} cites the document the
 * instructions follow. The step waits, holding nothing, until {@link OperatorActionCompleted}; then the executor
 * verifies the result with documented probes. {@code actionId} is {@link #actionId}; {@code requestedAt} is
 * ISO-8601 UTC.
 */
public record OperatorActionRequired(String deploymentId, String stepId, String kind, String host, String cluster,
                                     int attempt, String actionId, String title, String instructions,
                                     Map<String, String> fields, String source, String requestedAt)
        implements StepEvent {

    /** {@code <stepId>~<attempt>}, with {@code /} as {@code +}: unique within a deployment, and one URL path segment. */
    public static String actionId(String stepId, int attempt) {
        return stepId.replace('/', '+') + "~" + attempt;
    }
}
