package dev.ocpha.contracts.events;

import java.util.List;

/** An availability zone's OCP nodes are verified: it gets its access address, ConfigUrl and MetaDB proxy. */
public record AzAssigned(String deploymentId, String cluster, String az, List<String> ocpHosts, String accessAddress,
                         String configUrl, String metaDbProxy) implements TopologyEvent {
}
