package dev.ocpha.registry.api;

import java.time.OffsetDateTime;
import java.util.List;

/** The registry's view of one deployment: its OCP clusters and their nodes. */
public record TopologyView(String deploymentId, List<Cluster> clusters) {

    public record Cluster(String name, String role, List<Node> nodes) {
    }

    public record Node(String host, String address, String az, String status, OffsetDateTime registeredAt) {
    }
}
