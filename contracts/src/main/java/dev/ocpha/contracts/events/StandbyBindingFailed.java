package dev.ocpha.contracts.events;

/** Registering the standby to the primary failed; {@code reason} says why. */
public record StandbyBindingFailed(String deploymentId, String standbyCluster, String primaryCluster, String reason)
        implements TopologyEvent {
}
