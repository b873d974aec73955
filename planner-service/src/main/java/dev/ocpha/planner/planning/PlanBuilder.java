package dev.ocpha.planner.planning;

import dev.ocpha.contracts.Facts;
import dev.ocpha.contracts.SecretKeys;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.planner.domain.DeploymentMode;
import dev.ocpha.planner.domain.HostRole;
import dev.ocpha.planner.domain.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the plan of a valid topology: the seed's procedure per mode (prepare the environment, deploy each cluster,
 * post-deployment check) as per-host steps with their dependencies, parameters and awaited registry facts.
 */
public final class PlanBuilder {

    static final String ADMIN_ID = "500";
    static final String MEDIA_DIR = "/home/admin/media";
    /** A MetaDB log disk of three times its memory: OceanBase's default LOG_DISK_SIZE for a unit (800.create-tenant.md). */
    static final int LOG_DISK_PER_MEMORY = 3;
    static final String OCP_CONTAINER = "ocp";
    static final String META_TENANT = "ocp_meta";
    static final String MONITOR_TENANT = "ocp_monitor";
    static final String META_DATABASE = "meta_database";
    static final String MONITOR_DATABASE = "monitor_database";
    static final int WAIT_SECONDS = 300;
    static final int POLL_INTERVAL_SECONDS = 3;

    private final Topology topology;
    private final InstallerProfile profile;
    private final Sizing sizing;
    private final Map<String, String> secretRefs;
    private final List<Topology.Cluster> clusters;
    private final Map<String, String> azOfIdc = new HashMap<>();
    private final Map<String, PlannedHost> hosts = new LinkedHashMap<>();
    private final List<PlannedStep> steps = new ArrayList<>();

    private PlanBuilder(Topology topology, InstallerProfile profile) {
        this.topology = topology;
        this.profile = profile;
        this.sizing = ResourcePlanner.sizing(topology);
        Topology.Passwords passwords = topology.passwords();
        Map<String, String> refs = new TreeMap<>();
        refs.put(SecretKeys.METADB_ROOT, passwords.metaDbRoot().secretRef());
        refs.put(SecretKeys.METADB_PROXYRO, passwords.proxyro().secretRef());
        refs.put(SecretKeys.META_TENANT, passwords.metaTenant().secretRef());
        refs.put(SecretKeys.MONITOR_TENANT, passwords.monitorTenant().secretRef());
        refs.put(SecretKeys.OCP_ADMIN, passwords.ocpAdmin().secretRef());
        this.secretRefs = refs;
        // The primary is deployed (and listed) first; standbys keep their order.
        this.clusters = topology.effectiveClusters().stream()
                .sorted(Comparator.comparing(c -> c.role() == Topology.ClusterRole.PRIMARY ? 0 : 1))
                .toList();
        for (Topology.Az az : topology.azList()) {
            az.idcs().forEach(idc -> azOfIdc.put(idc, az.name()));
        }
    }

    /** The plan of a topology that passed validation, following its edition's installer profile. */
    public static Plan plan(Topology topology, InstallerProfile profile) {
        return new PlanBuilder(topology, profile).build();
    }

    private Plan build() {
        for (Topology.Host host : topology.hosts()) {
            Topology.Cluster cluster = clusterOf(host);
            List<HostRole> roles = host.rolesOrDefault();
            hosts.put(host.name(), new PlannedHost(host.name(),
                    new HostAccess(host.address(), host.sshPortOrDefault(), host.userOrDefault(), host.credentialRef()),
                    cluster.name(), host.region() != null ? host.region() : cluster.region(), host.idc(),
                    azOf(host), roles.stream().map(Enum::name).toList(), ResourcePlanner.requirement(sizing, roles)));
        }
        List<Plan.Phase> phases = new ArrayList<>();
        List<String> prepare = new ArrayList<>();
        for (Topology.Host host : topology.hosts()) {
            prepare.add(prepareHost(host));
        }
        phases.add(new Plan.Phase(Plan.PREPARE_ENVIRONMENT, "Add every host (admin user, owned directories), then "
                + "the checker's environment check of all hosts", prepare, List.of("environment-check")));
        List<PlannedCluster> plannedClusters = new ArrayList<>();
        int standbyId = 2;
        for (Topology.Cluster cluster : clusters) {
            int clusterId = cluster.role() == Topology.ClusterRole.PRIMARY ? 1 : standbyId++;
            PlannedCluster planned = plannedCluster(cluster, clusterId);
            plannedClusters.add(planned);
            int before = steps.size();
            deployCluster(cluster, planned);
            List<String> ids = steps.subList(before, steps.size()).stream().map(PlannedStep::stepId).toList();
            phases.add(new Plan.Phase(Plan.deployPhase(cluster.name()), describe(cluster), List.copyOf(ids),
                    clusterGates(cluster)));
        }
        List<PlannedAz> azs = plannedAzs();
        List<String> expectedFacts = expectedFacts(azs);
        phases.add(new Plan.Phase(Plan.POST_DEPLOYMENT_CHECK, "The checker's post-deployment check: OCP status, "
                + "version, time, logs, Docker, primary/standby binding and AZ access addresses", List.of(),
                List.of("verification")));
        Plan plan = new Plan(topology.name(), topology.mode().stream().map(Enum::name).toList(),
                topology.ocp().version(), profile.edition().id(), profile.id(), sizing.profile(), topology.strictOrDefault(), sizing,
                new Plan.Limits(topology.maxParallelHosts(), topology.stepMaxTries()), plannedClusters, azs,
                List.copyOf(hosts.values()), phases, List.copyOf(steps), expectedFacts, secretRefs, null);
        return plan.withCriticalPath(CriticalPathEstimator.estimate(plan));
    }

    private String describe(Topology.Cluster cluster) {
        boolean standby = cluster.role() == Topology.ClusterRole.STANDBY;
        return (standby ? "STANDBY" : "PRIMARY") + " cluster " + cluster.name() + ": installation media, MetaDB, OCP with its system parameters"
                + (topology.has(DeploymentMode.MULTI_CLUSTER) ? ", multi-cluster mode" : "")
                + (standby ? ", registration to the primary (the registry asks for it)" : "");
    }

    private List<String> clusterGates(Topology.Cluster cluster) {
        List<String> gates = new ArrayList<>();
        ocpNodes(cluster).forEach(h -> gates.add(Facts.nodeRegistered(h.name())));
        if (cluster.role() == Topology.ClusterRole.STANDBY) {
            gates.add(Facts.standbyBound(cluster.name()));
        }
        topology.azList().stream().filter(az -> cluster.name().equals(azCluster(az)))
                .forEach(az -> gates.add(Facts.azActive(az.name())));
        return gates;
    }

    private Topology.Cluster clusterOf(Topology.Host host) {
        String name = host.cluster() != null ? host.cluster() : clusters.get(0).name();
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private String azCluster(Topology.Az az) {
        return az.cluster() != null ? az.cluster() : clusters.get(0).name();
    }

    private String azOf(Topology.Host host) {
        if (host.idc() == null) {
            return null;
        }
        String az = azOfIdc.get(host.idc());
        return topology.azList().stream()
                .anyMatch(a -> a.name().equals(az) && azCluster(a).equals(clusterOf(host).name())) ? az : null;
    }

    private List<Topology.Host> hostsOf(Topology.Cluster cluster) {
        return topology.hosts().stream().filter(h -> clusterOf(h).name().equals(cluster.name())).toList();
    }

    private List<Topology.Host> metaDbHosts(Topology.Cluster cluster) {
        return hostsOf(cluster).stream().filter(h -> h.runs(HostRole.METADB)).toList();
    }

    private List<Topology.Host> ocpNodes(Topology.Cluster cluster) {
        return hostsOf(cluster).stream().filter(h -> h.runs(HostRole.OCP_SERVER)).toList();
    }

    private static String url(Topology.Host host) {
        return "http://" + host.address() + ":" + ResourcePlanner.OCP_HTTP_PORT;
    }

    private String siteUrl(Topology.Cluster cluster) {
        return cluster.accessAddress() != null ? cluster.accessAddress() : url(ocpNodes(cluster).get(0));
    }

    /** The MetaDB address a node's OCP starts with: its own OBProxy, else the cluster's first MetaDB host. */
    private String metaDbHostFor(Topology.Host node, Topology.Cluster cluster) {
        return node.runs(HostRole.OBPROXY) ? node.address() : metaDbHosts(cluster).get(0).address();
    }

    private PlannedCluster plannedCluster(Topology.Cluster cluster, int clusterId) {
        return new PlannedCluster(cluster.name(), cluster.role().name(), clusterId, cluster.region(),
                siteUrl(cluster), cluster.name() + "-meta",
                metaDbHosts(cluster).get(0).address() + ":" + ResourcePlanner.PROXY_PORT,
                topology.has(DeploymentMode.MULTI_CLUSTER), hostsOf(cluster).stream().map(Topology.Host::name).toList());
    }

    private List<PlannedAz> plannedAzs() {
        List<PlannedAz> azs = new ArrayList<>();
        for (Topology.Az az : topology.azList()) {
            List<PlannedHost> inAz = hosts.values().stream().filter(h -> az.name().equals(h.az())).toList();
            azs.add(new PlannedAz(az.name(), azCluster(az), az.idcs(),
                    inAz.stream().filter(h -> h.roles().contains(HostRole.OCP_SERVER.name())).map(PlannedHost::name)
                            .toList(),
                    inAz.stream().filter(h -> h.roles().contains(HostRole.METADB.name())).map(PlannedHost::name)
                            .findFirst().orElseThrow(),
                    "http://" + az.ocpProxyWithPort(), az.metaDbProxyWithPort()));
        }
        return azs;
    }

    private List<String> expectedFacts(List<PlannedAz> azs) {
        List<String> facts = new ArrayList<>();
        for (Topology.Cluster cluster : clusters) {
            ocpNodes(cluster).forEach(node -> facts.add(Facts.nodeRegistered(node.name())));
            if (cluster.role() == Topology.ClusterRole.STANDBY) {
                facts.add(Facts.standbyBound(cluster.name()));
            }
            facts.add(Facts.clusterActive(cluster.name()));
        }
        azs.forEach(az -> facts.add(Facts.azActive(az.name())));
        return facts;
    }

    private String add(String kind, String target, Topology.Host host, String cluster, String phase,
                       String description, List<String> dependsOn, List<String> awaits, Map<String, String> params) {
        String id = StepCatalog.stepId(kind, target);
        steps.add(new PlannedStep(id, phase, kind, host.name(), cluster, description, List.copyOf(dependsOn),
                List.copyOf(awaits), new TreeMap<>(params), StepCatalog.timeoutSeconds(kind), topology.stepMaxTries()));
        return id;
    }

    private String prepareHost(Topology.Host host) {
        List<String> directories = new ArrayList<>();
        if (host.runs(HostRole.OCP_SERVER)) {
            directories.addAll(ResourcePlanner.OCP_DIRECTORIES);
        }
        if (host.runs(HostRole.METADB)) {
            directories.addAll(ResourcePlanner.METADB_DIRECTORIES);
        }
        directories.add(MEDIA_DIR);
        return add(StepKinds.PREPARE_HOST, host.name(), host, clusterOf(host).name(), Plan.PREPARE_ENVIRONMENT,
                "Add " + host.name() + ": admin user and group (uid/gid 500) and the owned directories",
                List.of(), List.of(), Map.of("adminUid", ADMIN_ID, "adminGid", ADMIN_ID,
                        "directories", String.join(",", directories)));
    }

    private void deployCluster(Topology.Cluster cluster, PlannedCluster planned) {
        String phase = Plan.deployPhase(cluster.name());
        String name = cluster.name();
        Map<String, String> mediaStep = new HashMap<>();
        for (Topology.Host host : hostsOf(cluster)) {
            List<String> media = new ArrayList<>();
            if (host.runs(HostRole.OCP_SERVER)) {
                media.add(topology.ocp().media().ocp());
            }
            if (host.runs(HostRole.METADB) || host.runs(HostRole.OBPROXY)) {
                media.add(topology.ocp().media().metaDb());
            }
            mediaStep.put(host.name(), add(StepKinds.PREPARE_MEDIA, host.name(), host, name, phase,
                    "Upload and verify the media " + media + " on " + host.name()
                            + " (docker load the images, unpack the packages)",
                    List.of(StepCatalog.stepId(StepKinds.PREPARE_HOST, host.name())), List.of(),
                    Map.of("media", String.join(",", media), "remoteDir", MEDIA_DIR)));
        }
        List<Topology.Host> metaDbHosts = metaDbHosts(cluster);
        List<String> created = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        String rsList = metaDbHosts.stream().map(h -> h.address() + ":" + ResourcePlanner.RPC_PORT + ":" + ResourcePlanner.MYSQL_PORT)
                .collect(Collectors.joining(";"));
        String mediaDir = MEDIA_DIR + "/" + topology.ocp().media().metaDb();
        for (int i = 0; i < metaDbHosts.size(); i++) {
            Topology.Host host = metaDbHosts.get(i);
            String zone = "zone" + (i + 1);
            zones.add(zone + ":" + host.address() + ":" + ResourcePlanner.RPC_PORT);
            Map<String, String> params = new HashMap<>();
            params.put("media", topology.ocp().media().metaDb());
            params.put("mediaDir", mediaDir);
            params.put("metaDbCluster", planned.metaDbClusterName());
            params.put("clusterId", Integer.toString(planned.clusterId()));
            params.put("zone", zone);
            params.put("address", host.address());
            params.put("rsList", rsList);
            params.put("cpu", Integer.toString(sizing.metaDbContainer().cpu()));
            params.put("memoryGb", Integer.toString(sizing.metaDbContainer().memoryGb()));
            params.put("systemMemoryGb", Integer.toString(Math.max(1, sizing.systemMemory().memoryGb())));
            params.put("datafileGb", Integer.toString(sizing.metaDbDiskGb() + sizing.monitorDbDiskGb()));
            params.put("logDiskGb", Integer.toString(LOG_DISK_PER_MEMORY * sizing.metaDbContainer().memoryGb()));
            params.put("mysqlPort", Integer.toString(ResourcePlanner.MYSQL_PORT));
            params.put("rpcPort", Integer.toString(ResourcePlanner.RPC_PORT));
            params.put("installDir", ResourcePlanner.INSTALL_DIR);
            params.put("dataDir", ResourcePlanner.DATA_DIR);
            params.put("logDir", ResourcePlanner.LOG_DIR);
            created.add(add(StepKinds.CREATE_METADB, host.name(), host, name, phase,
                    "Install OceanBase and start observer " + zone + " of " + planned.metaDbClusterName() + " on " + host.name(),
                    List.of(mediaStep.get(host.name())), List.of(), params));
        }
        Map<String, String> bootstrap = new HashMap<>();
        bootstrap.put("metaDbCluster", planned.metaDbClusterName());
        bootstrap.put("zones", String.join(",", zones));
        bootstrap.put("mysqlPort", Integer.toString(ResourcePlanner.MYSQL_PORT));
        bootstrap.put("metaTenant", META_TENANT);
        bootstrap.put("metaTenantCpu", Integer.toString(sizing.metaTenant().cpu()));
        bootstrap.put("metaTenantMemoryGb", Integer.toString(sizing.metaTenant().memoryGb()));
        bootstrap.put("monitorTenant", MONITOR_TENANT);
        bootstrap.put("monitorTenantCpu", Integer.toString(sizing.monitorTenant().cpu()));
        bootstrap.put("monitorTenantMemoryGb", Integer.toString(sizing.monitorTenant().memoryGb()));
        bootstrap.put("rootPasswordRef", secretRefs.get(SecretKeys.METADB_ROOT));
        bootstrap.put("proxyroPasswordRef", secretRefs.get(SecretKeys.METADB_PROXYRO));
        bootstrap.put("metaPasswordRef", secretRefs.get(SecretKeys.META_TENANT));
        bootstrap.put("monitorPasswordRef", secretRefs.get(SecretKeys.MONITOR_TENANT));
        String bootstrapped = add(StepKinds.BOOTSTRAP_METADB, name, metaDbHosts.get(0), name, phase,
                "Bootstrap MetaDB cluster " + planned.metaDbClusterName() + " with " + zones.size()
                        + " zones and create the ocp_meta and ocp_monitor tenants", created, List.of(), bootstrap);
        String proxyRsList = metaDbHosts.stream().map(h -> h.address() + ":" + ResourcePlanner.MYSQL_PORT)
                .collect(Collectors.joining(";"));
        Map<String, String> proxies = new HashMap<>();
        for (Topology.Host host : hostsOf(cluster)) {
            if (host.runs(HostRole.OBPROXY)) {
                proxies.put(host.address(), add(StepKinds.START_OBPROXY, host.name(), host, name, phase,
                        "Start OBProxy on " + host.name() + " for " + planned.metaDbClusterName(),
                        List.of(bootstrapped, mediaStep.get(host.name())), List.of(),
                        Map.of("media", topology.ocp().media().metaDb(), "mediaDir", mediaDir,
                                "metaDbCluster", planned.metaDbClusterName(), "address", host.address(),
                                "proxyPort", Integer.toString(ResourcePlanner.PROXY_PORT), "rsList", proxyRsList,
                                "proxyroPasswordRef", secretRefs.get(SecretKeys.METADB_PROXYRO))));
            }
        }
        for (Topology.Host node : ocpNodes(cluster)) {
            List<String> after = new ArrayList<>(List.of(bootstrapped, mediaStep.get(node.name())));
            String proxy = proxies.get(metaDbHostFor(node, cluster));
            if (proxy != null) {
                after.add(proxy);
            }
            deployNode(cluster, planned, node, phase, after);
        }
    }

    private void deployNode(Topology.Cluster cluster, PlannedCluster planned, Topology.Host node, String phase,
                            List<String> installAfter) {
        String name = cluster.name();
        String metaDbHost = metaDbHostFor(node, cluster);
        String az = azOf(node);
        Map<String, String> install = new HashMap<>();
        install.put("media", topology.ocp().media().ocp());
        install.put("container", OCP_CONTAINER);
        install.put("cpu", Integer.toString(sizing.ocpServer().cpu()));
        install.put("memoryGb", Integer.toString(sizing.ocpServer().memoryGb()));
        install.put("httpPort", Integer.toString(ResourcePlanner.OCP_HTTP_PORT));
        install.put("metaDbHost", metaDbHost);
        install.put("metaDbPort", Integer.toString(ResourcePlanner.PROXY_PORT));
        install.put("metaDbUser", "meta_user@" + META_TENANT + "#" + planned.metaDbClusterName());
        install.put("metaDbDatabase", META_DATABASE);
        install.put("monitorDbUser", "monitor_user@" + MONITOR_TENANT + "#" + planned.metaDbClusterName());
        install.put("monitorDbDatabase", MONITOR_DATABASE);
        install.put("metaPasswordRef", secretRefs.get(SecretKeys.META_TENANT));
        install.put("monitorPasswordRef", secretRefs.get(SecretKeys.MONITOR_TENANT));
        install.put("adminPasswordRef", secretRefs.get(SecretKeys.OCP_ADMIN));
        install.put("siteUrl", siteUrl(cluster));
        install.put("ocpVersion", topology.ocp().version());
        if (az != null) {
            // OAT's install form asks, per node of a multi-AZ OCP, for its AZ, the AZ's OCP proxy and MetaDB proxy
            Topology.Az zone = topology.azList().stream()
                    .filter(a -> a.name().equals(az) && azCluster(a).equals(name)).findFirst().orElseThrow();
            install.put("az", az);
            install.put("azOcpProxy", zone.ocpProxyWithPort());
            install.put("azMetaDbProxy", zone.metaDbProxyWithPort());
        }
        String installed = add(StepKinds.INSTALL_OCP, node.name(), node, name, phase,
                "Install OCP " + topology.ocp().version() + " on " + node.name()
                        + (az != null ? " in AZ " + az : ""), installAfter, List.of(), install);
        String healthy = add(StepKinds.WAIT_OCP_HEALTHY, node.name(), node, name, phase,
                "Wait until OCP on " + node.name() + " answers /api/status", List.of(installed), List.of(),
                Map.of("url", url(node), "adminPasswordRef", secretRefs.get(SecretKeys.OCP_ADMIN),
                        "waitSeconds", Integer.toString(WAIT_SECONDS),
                        "intervalSeconds", Integer.toString(POLL_INTERVAL_SECONDS)));
        if (planned.multiCluster()) {
            boolean primary = cluster.role() == Topology.ClusterRole.PRIMARY;
            add(StepKinds.ENABLE_MULTI_CLUSTER, node.name(), node, name, phase,
                    "Enable multi-cluster mode on " + node.name() + " as " + (primary ? "LEADER" : "FOLLOWER")
                            + " of cluster " + name, List.of(healthy), List.of(),
                    Map.of("container", OCP_CONTAINER, "clusterId", Integer.toString(planned.clusterId()),
                            "clusterName", name, "clusterRole", primary ? "LEADER" : "FOLLOWER", "url", url(node),
                            "adminPasswordRef", secretRefs.get(SecretKeys.OCP_ADMIN)));
        }
    }

    /**
     * Teardown of a plan: REMOVE_OCP on every OCP node, then REMOVE_METADB on every MetaDB host of the cluster, each
     * with the container and directories its deploying step (INSTALL_OCP, CREATE_METADB) was given.
     */
    public static List<PlannedStep> teardown(Plan plan) {
        List<PlannedStep> teardown = new ArrayList<>();
        Map<String, List<String>> removedOcp = new HashMap<>();
        Map<String, PlannedStep> installed = deployingSteps(plan, StepKinds.INSTALL_OCP);
        for (PlannedHost host : plan.hosts()) {
            PlannedStep install = installed.get(host.name());
            if (host.roles().contains(HostRole.OCP_SERVER.name()) && install != null) {
                String id = StepCatalog.stepId(StepKinds.REMOVE_OCP, host.name());
                removedOcp.computeIfAbsent(host.cluster(), k -> new ArrayList<>()).add(id);
                teardown.add(new PlannedStep(id, Plan.TEARDOWN, StepKinds.REMOVE_OCP, host.name(), host.cluster(),
                        "Remove the OCP container of " + host.name(), List.of(), List.of(),
                        Map.of("container", install.parameters().get("container")),
                        StepCatalog.timeoutSeconds(StepKinds.REMOVE_OCP), plan.limits().stepMaxTries()));
            }
        }
        Map<String, PlannedStep> created = deployingSteps(plan, StepKinds.CREATE_METADB);
        for (PlannedHost host : plan.hosts()) {
            PlannedStep create = created.get(host.name());
            if (host.roles().contains(HostRole.METADB.name()) && create != null) {
                Map<String, String> parameters = new TreeMap<>();
                parameters.put("media", create.parameters().get("media"));
                parameters.put("mediaDir", create.parameters().get("mediaDir"));
                for (String directory : StepKinds.METADB_DIRECTORIES) {
                    parameters.put(directory, create.parameters().get(directory));
                }
                teardown.add(new PlannedStep(StepCatalog.stepId(StepKinds.REMOVE_METADB, host.name()), Plan.TEARDOWN,
                        StepKinds.REMOVE_METADB, host.name(), host.cluster(),
                        "Stop OBProxy and observer on " + host.name() + ", erase the OceanBase packages and empty the MetaDB directories",
                        removedOcp.getOrDefault(host.cluster(), List.of()), List.of(), parameters,
                        StepCatalog.timeoutSeconds(StepKinds.REMOVE_METADB), plan.limits().stepMaxTries()));
            }
        }
        return teardown;
    }

    private static Map<String, PlannedStep> deployingSteps(Plan plan, String kind) {
        return plan.steps().stream().filter(s -> s.kind().equals(kind))
                .collect(Collectors.toMap(PlannedStep::host, s -> s));
    }
}
