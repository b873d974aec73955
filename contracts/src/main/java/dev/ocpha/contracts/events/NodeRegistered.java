package dev.ocpha.contracts.events;

/** An OCP node is installed and known to the registry. */
public record NodeRegistered(String deploymentId, String cluster, String host, String az, String accessAddress)
        implements TopologyEvent {
}
