package dev.ocpha.registry;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.SecretKeys;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds plans the way the planner shapes them (docs/adr/0001): per host media → MetaDB → OCP → healthy → … */
final class PlanFixture {

    private final String deploymentId;
    private final List<String> modes;
    private final List<PlannedCluster> clusters = new ArrayList<>();
    private final List<PlannedAz> azs = new ArrayList<>();
    private final List<PlannedHost> hosts = new ArrayList<>();
    private final List<PlannedStep> steps = new ArrayList<>();

    PlanFixture(String deploymentId, String... modes) {
        this.deploymentId = deploymentId;
        this.modes = List.of(modes);
    }

    /** A cluster of OCP nodes {@code <name>-1..n} on 10.0.<clusterId>.n, each with the planned steps of its role. */
    PlanFixture cluster(String name, String role, int clusterId, int nodes, String... azOfNode) {
        boolean multiCluster = modes.contains("MULTI_CLUSTER");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            String host = name + "-" + i;
            String address = "10.0." + clusterId + "." + i;
            String az = azOfNode.length >= i ? azOfNode[i - 1] : null;
            names.add(host);
            hosts.add(new PlannedHost(host, new HostAccess(address, 22, "root", "key"), name, "region-" + clusterId,
                    az == null ? "idc-" + clusterId : "idc-" + az, az, HostRoles.ALL, null));
            step("prepare-media@" + host, StepKinds.PREPARE_MEDIA, host, name, Map.of());
            step("install-ocp@" + host, StepKinds.INSTALL_OCP, host, name, Map.of("container", "ocp",
                    "httpPort", "8080", "metaDbHost", "10.0." + clusterId + ".1", "metaDbPort", "2883",
                    "metaDbUser", "meta_user@ocp_meta#" + name + "-meta", "metaDbDatabase", "meta_database"));
            step("wait-ocp-healthy@" + host, StepKinds.WAIT_OCP_HEALTHY, host, name, Map.of());
            if (multiCluster) {
                step("enable-multi-cluster@" + host, StepKinds.ENABLE_MULTI_CLUSTER, host, name, Map.of());
            }
            if (az == null) {
                step("init-system-parameters@" + host, StepKinds.INIT_SYSTEM_PARAMETERS, host, name, Map.of());
            }
        }
        clusters.add(new PlannedCluster(name, role, clusterId, "region-" + clusterId, null, name + "-meta",
                "10.0." + clusterId + ".1:2881", multiCluster, names));
        return this;
    }

    PlanFixture az(String name, String cluster, String proxy) {
        azs.add(new PlannedAz(name, cluster, List.of("idc-" + name), hosts.stream()
                .filter(h -> name.equals(h.az())).map(PlannedHost::name).toList(),
                hosts.stream().filter(h -> name.equals(h.az())).map(PlannedHost::name).findFirst().orElse(null),
                proxy, proxy.replace(":80", ":2883")));
        return this;
    }

    private void step(String id, String kind, String host, String cluster, Map<String, String> parameters) {
        steps.add(new PlannedStep(id, "deploy:" + cluster, kind, host, cluster, kind, List.of(), List.of(), parameters,
                60, 1));
    }

    List<PlannedStep> stepsOf(String host) {
        return steps.stream().filter(s -> s.host().equals(host)).toList();
    }

    DeploymentPlanned build() {
        return new DeploymentPlanned(deploymentId, "fixture", modes, "4.2.2", "sandbox", clusters, azs, hosts, steps,
                List.of(), Map.of(SecretKeys.META_TENANT, "meta-ref", SecretKeys.OCP_ADMIN, "admin-ref"), "enterprise",
                "enterprise-4.2");
    }
}
