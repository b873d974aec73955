package dev.ocpha.contracts.events;

/** Every step succeeded, the registry's facts are complete and the post-deployment check passed. */
public record DeploymentSucceeded(String deploymentId, int stepCount, long durationMillis, String reportId)
        implements DeploymentEvent {
}
