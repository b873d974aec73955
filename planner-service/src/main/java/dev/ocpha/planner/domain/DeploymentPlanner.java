package dev.ocpha.planner.domain;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Turns a valid topology into a plan: its clusters, hosts and the steps per host. */
@ApplicationScoped
public class DeploymentPlanner {

    /** Relative to the install user's home (ocp-facts §2). */
    static final String OCP_DIRECTORIES = "ocp-server,logs/ocp,logs/task,data/files";

    public Plan plan(Topology topology) {
        List<PlannedHost> hosts = topology.hosts().stream()
                .map(host -> new PlannedHost(host.name(),
                        new HostAccess(host.address(), host.sshPortOrDefault(), host.userOrDefault(), host.credentialRef()),
                        topology.name(), null, null, null, HostRoles.ALL, null))
                .toList();
        PlannedCluster cluster = new PlannedCluster(topology.name(), "PRIMARY", 1, null, null, topology.name(), null,
                false, hosts.stream().map(PlannedHost::name).toList());
        List<PlannedStep> steps = hosts.stream()
                .map(host -> new PlannedStep("prepare-host@" + host.name(), "prepare-environment",
                        StepKinds.PREPARE_HOST, host.name(), topology.name(),
                        "Add " + host.name() + ": the admin user and the OCP directories", List.of(), List.of(),
                        Map.of("adminUid", "500", "adminGid", "500", "directories", OCP_DIRECTORIES), 600, 3))
                .toList();
        return new Plan(List.of(cluster), hosts, steps);
    }

    public record Plan(List<PlannedCluster> clusters, List<PlannedHost> hosts, List<PlannedStep> steps) {
    }
}
