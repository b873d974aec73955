package dev.ocpha.planner.api;

import dev.ocpha.planner.domain.WebhookService;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription to make. */
public record WebhookRequest(
        @Schema(description = "Absolute https URL (http only where the administrator allows it) on a public "
                + "address, at most 2048 characters, without user info",
                example = "https://ci.example.com/ocpha-hook") String url,
        @Schema(description = "Reference of the signing secret in the planner's secret store "
                + "(ocpha.secrets.\"<ref>\"); the secret itself is never sent to or shown by the API",
                example = "ci-webhook") String secretRef,
        @Schema(description = "ce_types (ocpha.StepFailed) or short names (StepFailed); omitted or empty: every type")
        List<String> eventTypes,
        @Schema(description = "Only this deployment's events (ce_subject); omitted: every deployment")
        String deploymentId) {

    WebhookService.Subscription subscription() {
        return new WebhookService.Subscription(url, secretRef, eventTypes, deploymentId);
    }
}
