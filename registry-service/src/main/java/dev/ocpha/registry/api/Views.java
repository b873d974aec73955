package dev.ocpha.registry.api;

import java.time.OffsetDateTime;
import java.util.List;

/** What the registry API shows; records of their own, never the entities. */
public final class Views {

    private Views() {
    }

    /** One line of {@code GET /clusters}. */
    public record ClusterSummary(String id, String deploymentId, String name, String role, String multiClusterRole,
                                 String version, String status, String region, String accessAddress, int nodes,
                                 int standbys) {
    }

    /**
     * The seed's "primary/standby details" view of one cluster: role, version (and whether it differs from the
     * primary's), status, heartbeat, sync, access address; its nodes; a primary's standbys or a standby's primary.
     */
    public record ClusterDetails(String id, String deploymentId, String name, String role, String multiClusterRole,
                                 int clusterId, boolean multiCluster, String version, boolean versionDiffersFromPrimary,
                                 String status, OffsetDateTime heartbeat, String sync, String region,
                                 String accessAddress, MetaDb metaDb, List<Node> nodes, Peer primary,
                                 List<Peer> standbys) {
    }

    public record MetaDb(String cluster, String address, List<String> replicas) {
    }

    public record Node(String host, String address, String url, String region, String idc, String az, String status,
                       OffsetDateTime registeredAt, OffsetDateTime verifiedAt) {
    }

    /** The other side of a binding. {@code binding} is REQUESTED, BOUND or FAILED (null for a standby's primary). */
    public record Peer(String id, String name, String role, String version, boolean versionDiffersFromPrimary,
                       String status, String binding, OffsetDateTime heartbeat, String sync, String accessAddress,
                       String failureReason) {
    }

    /** {@code GET /azs}: every AZ, and the IDCs that belong to none. */
    public record AzList(List<Az> azs, List<Idc> idcsWithoutAz) {
    }

    public record Az(String deploymentId, String cluster, String name, List<Idc> idcs, List<Node> ocpInstances,
                     String accessAddress, String configUrl, String monitorDb, String metaDbProxy,
                     List<String> metaDbReplicas, String status, String failureReason) {
    }

    public record Idc(String name, String region, String az) {
    }

    /** {@code GET /deployments/{id}/topology}. {@code placementProblems} is empty when placement is as planned. */
    public record Topology(String deploymentId, String name, List<String> modes, String ocpVersion,
                           List<ClusterDetails> clusters, List<Az> azs, List<Idc> idcs,
                           List<String> placementProblems) {
    }
}
