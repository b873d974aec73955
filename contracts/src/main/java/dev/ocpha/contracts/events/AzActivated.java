package dev.ocpha.contracts.events;

/** Every OCP node of the availability zone has its per-AZ parameters: the AZ is active. */
public record AzActivated(String deploymentId, String cluster, String az, String accessAddress)
        implements TopologyEvent {
}
