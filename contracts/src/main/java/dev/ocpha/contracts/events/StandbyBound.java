package dev.ocpha.contracts.events;

/** The standby cluster is registered to, and bound by, the primary. */
public record StandbyBound(String deploymentId, String standbyCluster, String primaryCluster)
        implements TopologyEvent {
}
