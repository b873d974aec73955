package dev.ocpha.contracts.events;

/** Applying an availability zone's parameters failed on one of its nodes; {@code reason} says why. */
public record AzActivationFailed(String deploymentId, String cluster, String az, String host, String reason)
        implements TopologyEvent {
}
