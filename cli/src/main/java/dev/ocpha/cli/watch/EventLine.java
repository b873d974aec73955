package dev.ocpha.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One progress event (planner-service.md, {@code GET /deployments/{id}/events}) as one line of text. */
public final class EventLine {

    private EventLine() {
    }

    public static String of(String type, JsonNode data) {
        return switch (type) {
            case "status" -> status(data);
            case "step" -> step(data);
            case "host-checked" -> "host-check " + text(data, "host") + " " + passed(data)
                    + failing(data.path("results"), "check");
            case "environment-checked" -> "environment check " + passed(data)
                    + failing(data.path("problems"), "host", "check");
            case "fact" -> "fact " + text(data, "fact");
            case "registry-step" -> "registry-step " + text(data, "stepId") + " " + text(data, "status")
                    + suffix(": ", data, "error");
            case "verified" -> "verification " + passed(data) + failing(data.path("items"), "target", "check");
            case "audit" -> "audit " + text(data, "action") + suffix(" ", data, "target") + " by "
                    + text(data, "actor") + suffix(": ", data, "reason");
            default -> type + " " + data;
        };
    }

    private static String status(JsonNode data) {
        String status = text(data, "status");
        if (data.has("steps")) {
            return "status " + status + ": " + data.get("steps").asInt() + " steps planned";
        }
        if (data.has("reason")) {
            return "status " + status + suffix(" in ", data, "stage") + ": " + text(data, "reason");
        }
        return "status " + status;
    }

    private static String step(JsonNode data) {
        String status = text(data, "status");
        StringBuilder line = new StringBuilder("step ").append(text(data, "stepId")).append(' ').append(status)
                .append(suffix(" on ", data, "host"));
        int attempt = data.path("attempt").asInt(1);
        if (attempt > 1) {
            line.append(" (attempt ").append(attempt).append(')');
        }
        switch (status) {
            case "RUNNING" -> line.append(suffix(" by ", data, "executorId"));
            case "SUCCEEDED" -> {
                if (data.hasNonNull("durationMillis")) {
                    line.append(String.format(" in %.1fs", data.get("durationMillis").asLong() / 1000.0));
                }
            }
            case "FAILED" -> {
                if (data.path("tries").asInt(1) > 1) {
                    line.append(" after ").append(data.get("tries").asInt()).append(" tries");
                }
                line.append(suffix(": ", data, "error"));
            }
            case "SKIPPED" -> line.append(suffix(": ", data, "reason"));
            default -> {
                // REQUESTED, PENDING: nothing more to say
            }
        }
        return line.toString();
    }

    private static String passed(JsonNode data) {
        return data.path("passed").asBoolean() ? "passed" : "FAILED";
    }

    /** {@code  (FAIL: h1 clock-skew, h2 disk)} for the items whose status is FAIL; empty when none. */
    private static String failing(JsonNode items, String... names) {
        List<String> failed = new ArrayList<>();
        for (JsonNode item : items) {
            if ("FAIL".equals(item.path("status").asText())) {
                List<String> parts = new ArrayList<>();
                for (String name : names) {
                    parts.add(item.path(name).asText());
                }
                failed.add(String.join(" ", parts));
            }
        }
        return failed.isEmpty() ? "" : " (FAIL: " + String.join(", ", failed) + ")";
    }

    private static String text(JsonNode data, String field) {
        return data.path(field).asText("?");
    }

    private static String suffix(String separator, JsonNode data, String field) {
        String value = data.hasNonNull(field) ? data.get(field).asText() : "";
        return value.isEmpty() ? "" : separator + value;
    }
}
