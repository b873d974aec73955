package dev.ocpha.planner.planning;

import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import java.util.List;
import java.util.Map;

/**
 * A deployment's plan (docs/adr/0001-deployment-flow.md): sizes, clusters, AZ placement, hosts with their
 * requirements, phases of steps (a DAG), the registry facts it expects, secret references and an estimated critical
 * path, and the installer profile (edition and version) its steps follow. Deterministic for one topology, so plans can be compared with golden files.
 */
public record Plan(String name, List<String> modes, String ocpVersion, String edition, String installerProfile,
                   String sizingProfile, boolean strict,
                   Sizing sizing, Limits limits, List<PlannedCluster> clusters, List<PlannedAz> azs,
                   List<PlannedHost> hosts, List<Phase> phases, List<PlannedStep> steps, List<String> expectedFacts,
                   Map<String, String> secretRefs, CriticalPath criticalPath) {

    public static final String PREPARE_ENVIRONMENT = "prepare-environment";
    public static final String POST_DEPLOYMENT_CHECK = "post-deployment-check";
    public static final String TEARDOWN = "teardown";

    public static String deployPhase(String cluster) {
        return "deploy:" + cluster;
    }

    /** Hosts busy at once (a host is busy while one of its steps is requested or running). */
    public record Limits(int maxParallelHosts, int stepMaxTries) {
    }

    /** A named stage of the procedure: its steps, and the gates (checks, registry facts) that end it. */
    public record Phase(String name, String description, List<String> stepIds, List<String> gates) {
    }

    /** The longest chain of dependent work with per-kind estimates; registry and checker work included. */
    public record CriticalPath(int estimatedSeconds, List<Segment> path) {
    }

    public record Segment(String id, int estimatedSeconds) {
    }

    public Plan withCriticalPath(CriticalPath path) {
        return new Plan(name, modes, ocpVersion, edition, installerProfile, sizingProfile, strict, sizing, limits, clusters, azs, hosts, phases,
                steps, expectedFacts, secretRefs, path);
    }

    public PlannedHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }
}
