package dev.ocpha.contracts.events;

/**
 * An operator retried a FAILED deployment from {@code stage}: the planner re-requests its failed steps, and whoever
 * asked for other failed work asks again (the registry: a failed standby registration or AZ activation).
 */
public record DeploymentRetried(String deploymentId, String stage) implements DeploymentEvent {
}
