package dev.ocpha.contracts.events;

/** An operator cancelled the deployment; steps already running finish, no new step is requested. */
public record DeploymentCancelled(String deploymentId, String reason) implements DeploymentEvent {
}
