package dev.ocpha.planner.domain;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns a valid topology into a plan: its clusters, hosts and the steps per host. */
@ApplicationScoped
public class DeploymentPlanner {

    public Plan plan(Topology topology) {
        List<PlannedHost> hosts = topology.hosts().stream()
                .map(host -> new PlannedHost(host.name(),
                        new HostAccess(host.address(), host.sshPortOrDefault(), host.userOrDefault(), host.credentialRef()),
                        topology.name(), null, null, null, HostRoles.ALL))
                .toList();
        PlannedCluster cluster = new PlannedCluster(topology.name(), "PRIMARY", null, null,
                hosts.stream().map(PlannedHost::name).toList());
        List<PlannedStep> steps = hosts.stream()
                .map(host -> new PlannedStep("prepare-ocp-directories@" + host.name(), "DEPLOY",
                        StepKinds.PREPARE_OCP_DIRECTORIES, host.name(),
                        "Create the OCP-Server program, log and file-cache directories on " + host.name(), List.of()))
                .toList();
        return new Plan(List.of(cluster), hosts, steps);
    }

    public record Plan(List<PlannedCluster> clusters, List<PlannedHost> hosts, List<PlannedStep> steps) {
    }
}
