package dev.ocpha.contracts.events;

/** Every OCP node of a cluster is registered and its system parameters are set; {@code role} is PRIMARY or STANDBY. */
public record ClusterActivated(String deploymentId, String cluster, String role) implements TopologyEvent {
}
