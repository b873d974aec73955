package dev.ocpha.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One human line per event, from its JSON alone; unknown types fall back to their identifying fields. */
final class EventSummary {

    private EventSummary() {
    }

    static String of(String type, JsonNode e) {
        return switch (type) {
            case "ocpha.DeploymentPlanned" -> "%s: %s, OCP %s, %d hosts, %d steps".formatted(text(e, "name"),
                    join(e.path("modes")), text(e, "ocpVersion"), e.path("hosts").size(), e.path("steps").size());
            case "ocpha.EnvironmentCheckRequested" -> "checking %d hosts (%s profile)".formatted(e.path("hosts").size(),
                    text(e, "sizingProfile"));
            case "ocpha.HostChecked" -> "%s %s".formatted(text(e, "host"), e.path("passed").asBoolean() ? "passed"
                    : "FAILED: " + failures(e.path("results")));
            case "ocpha.EnvironmentChecked" -> "%d hosts %s".formatted(e.path("hostCount").asInt(),
                    e.path("passed").asBoolean() ? "passed" : "FAILED: " + failures(e.path("problems")));
            case "ocpha.StepRequested" -> "%s (attempt %d)".formatted(text(e, "stepId"), e.path("attempt").asInt());
            case "ocpha.StepStarted" -> "%s by %s".formatted(text(e, "stepId"), text(e, "executorId"));
            case "ocpha.StepProgressed" -> "%s | %s".formatted(text(e, "stepId"), text(e, "text").strip());
            case "ocpha.StepSucceeded" -> "%s in %d ms".formatted(text(e, "stepId"), e.path("durationMillis").asLong());
            case "ocpha.StepFailed" -> "%s: %s%s".formatted(text(e, "stepId"), text(e, "reason"),
                    e.path("retryable").asBoolean() ? " (retryable)" : "");
            case "ocpha.NodeRegistered" -> "%s of %s at %s%s".formatted(text(e, "host"), text(e, "cluster"),
                    text(e, "accessAddress"), e.hasNonNull("az") ? " in " + text(e, "az") : "");
            case "ocpha.ClusterActivated" -> "%s (%s) active".formatted(text(e, "cluster"), text(e, "role"));
            case "ocpha.StandbyRegistrationRequested" -> "register %s to %s (MetaDB %s)".formatted(
                    text(e, "standbyCluster"), text(e, "primaryCluster"), text(e, "primaryMetaDbAddress"));
            case "ocpha.StandbyBound" -> "%s bound to %s".formatted(text(e, "standbyCluster"), text(e, "primaryCluster"));
            case "ocpha.StandbyBindingFailed" -> "%s not bound: %s".formatted(text(e, "standbyCluster"), text(e, "reason"));
            case "ocpha.AzAssigned" -> "%s: OCP %s at %s".formatted(text(e, "az"), hosts(e.path("ocpNodes")),
                    text(e, "accessAddress"));
            case "ocpha.AzActivated" -> "%s active at %s".formatted(text(e, "az"), text(e, "accessAddress"));
            case "ocpha.AzActivationFailed" -> "%s: %s".formatted(text(e, "az"), text(e, "reason"));
            case "ocpha.VerificationRequested" -> "verifying %d OCP nodes".formatted(e.path("nodes").size());
            case "ocpha.DeploymentVerified" -> (e.path("passed").asBoolean() ? "healthy" : "UNHEALTHY") + ", "
                    + e.path("items").size() + " items";
            case "ocpha.DeploymentSucceeded" -> "SUCCEEDED: %d steps in %d s".formatted(e.path("stepCount").asInt(),
                    e.path("durationMillis").asLong() / 1000);
            case "ocpha.DeploymentFailed" -> "FAILED: " + text(e, "reason");
            case "ocpha.DeploymentCancelled" -> "CANCELLED: " + text(e, "reason");
            default -> e.has("stepId") ? text(e, "stepId") : "";
        };
    }

    private static String failures(JsonNode results) {
        List<String> failed = new ArrayList<>();
        results.forEach(r -> {
            if ("FAIL".equals(text(r, "status"))) {
                failed.add(text(r, "host") + " " + text(r, "check"));
            }
        });
        return String.join(", ", failed);
    }

    private static String hosts(JsonNode nodes) {
        List<String> hosts = new ArrayList<>();
        nodes.forEach(n -> hosts.add(text(n, "host")));
        return String.join(",", hosts);
    }

    private static String join(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.add(v.asText()));
        return String.join("+", all);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
