package dev.ocpha.cli.client;

import java.util.List;

/**
 * The parts of the services' JSON the CLI shows (docs/services/*.md). Unknown properties are ignored, as the
 * services ask of their readers; times stay the ISO-8601 text the services send.
 */
public final class Api {

    private Api() {
    }

    public record TokenRequest(String name, String role) {
    }

    public record Token(String id, String name, String role, String createdAt, String createdBy, String rotatedAt) {
    }

    /** The only answer that carries a token's value (create, rotate). */
    public record IssuedToken(String id, String name, String role, String token) {
    }

    public record Action(String actionId, String stepId, String host, String title, String status, String instructions,
                         String completedBy, String note, String outcome) {
    }

    public record CompleteActionRequest(String note) {
    }

    public record SkipRequest(String reason) {
    }

    public record DeploymentPage(List<DeploymentSummary> items, int page, int size, long total) {
    }

    public record DeploymentSummary(String id, String name, List<String> modes, String status, String failureReason,
                                    String createdAt, String updatedAt, String finishedAt) {
    }

    public record Deployment(String id, String name, List<String> modes, String status, String failedStage,
                             String failureReason, String createdAt, String updatedAt, String finishedAt,
                             int estimatedSeconds, List<Phase> phases) {

        public int stepCount() {
            return phases == null ? 0 : phases.stream().mapToInt(p -> p.steps() == null ? 0 : p.steps().size()).sum();
        }
    }

    public record Phase(String name, String description, String status, List<String> gates, List<Step> steps) {
    }

    public record Step(String stepId, String kind, String host, String status, int attempts, String lastError,
                       String skipReason) {
    }

    /** A dry run's answer. */
    public record Plan(String name, List<String> modes, String ocpVersion, List<PlanPhase> phases,
                       List<PlannedStep> steps, CriticalPath criticalPath) {
    }

    public record PlanPhase(String name, String description, List<String> stepIds, List<String> gates) {
    }

    public record PlannedStep(String stepId) {
    }

    public record CriticalPath(int estimatedSeconds, List<Segment> path) {
    }

    public record Segment(String id, int estimatedSeconds) {
    }

    /** The registry's {@code GET /deployments/{id}/topology}. */
    public record Topology(String deploymentId, String name, List<String> modes, String ocpVersion,
                           List<Cluster> clusters, List<Az> azs, List<String> placementProblems) {
    }

    public record Cluster(String name, String role, String multiClusterRole, String version,
                          boolean versionDiffersFromPrimary, String status, String sync, String region,
                          String accessAddress, MetaDb metaDb, List<Node> nodes, Peer primary, List<Peer> standbys) {
    }

    public record MetaDb(String cluster, String address, List<String> replicas) {
    }

    public record Node(String host, String address, String url, String region, String idc, String az,
                       String status) {
    }

    public record Peer(String name, String role, String status, String binding, String heartbeat, String sync,
                       String failureReason) {
    }

    public record Az(String cluster, String name, List<Idc> idcs, List<Node> ocpInstances, String accessAddress,
                     List<String> metaDbReplicas, String status, String failureReason) {
    }

    public record Idc(String name, String region, String az) {
    }
}
