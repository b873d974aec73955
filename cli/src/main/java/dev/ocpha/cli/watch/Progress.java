package dev.ocpha.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ocpha watch} knows of a deployment from its progress events: each step's latest status (done is
 * SUCCEEDED or SKIPPED), the deployment's latest status, and why it failed or was cancelled.
 */
public final class Progress {

    private static final Set<String> SETTLED = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "DESTROYED");

    private final Map<String, String> steps = new HashMap<>();
    private int total;
    private String status;
    private String reason;
    private String cancelReason;

    /** {@code total}: the steps the deployment has, from {@code GET /deployments/{id}}. */
    public Progress(int total) {
        this.total = total;
    }

    public void apply(String type, JsonNode data) {
        switch (type) {
            case "status" -> {
                status = data.path("status").asText(null);
                if (data.has("steps")) {
                    total = Math.max(total, data.get("steps").asInt());
                }
                if ("FAILED".equals(status)) {
                    reason = data.path("reason").asText(null);
                } else if ("CANCELLED".equals(status)) {
                    reason = cancelReason;
                } else {
                    reason = null;
                }
            }
            case "step" -> steps.put(data.path("stepId").asText(), data.path("status").asText());
            case "audit" -> {
                if ("cancel".equals(data.path("action").asText())) {
                    cancelReason = data.path("reason").asText(null);
                }
            }
            default -> {
                // checks, facts, registry steps: shown, not counted
            }
        }
    }

    public int done() {
        return (int) steps.values().stream().filter(s -> s.equals("SUCCEEDED") || s.equals("SKIPPED")).count();
    }

    public int total() {
        return Math.max(total, steps.size());
    }

    /** The deployment's latest status from the stream; null before the first status event. */
    public String status() {
        return status;
    }

    /** Nothing more will happen unless an operator acts: the stream ends here. */
    public boolean settled() {
        return status != null && SETTLED.contains(status);
    }

    /** 0 for SUCCEEDED (and DESTROYED, a finished teardown), 1 for FAILED and CANCELLED. */
    public int exitCode() {
        return "FAILED".equals(status) || "CANCELLED".equals(status) ? 1 : 0;
    }

    /** Why it FAILED or was CANCELLED; null otherwise. */
    public String reason() {
        return reason;
    }
}
