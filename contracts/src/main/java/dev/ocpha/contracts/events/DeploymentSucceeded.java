package dev.ocpha.contracts.events;

/** Every step succeeded and the registry's facts are complete. */
public record DeploymentSucceeded(String deploymentId, int stepCount, long durationMillis) implements DeploymentEvent {
}
