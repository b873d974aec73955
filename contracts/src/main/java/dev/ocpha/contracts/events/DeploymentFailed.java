package dev.ocpha.contracts.events;

/** The deployment stopped; {@code stepId} is set when a step caused it. */
public record DeploymentFailed(String deploymentId, String reason, String stepId) implements DeploymentEvent {
}
