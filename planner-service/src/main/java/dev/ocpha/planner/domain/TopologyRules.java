package dev.ocpha.planner.domain;

import dev.ocpha.contracts.installer.Edition;
import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.contracts.installer.ModeSupport;
import dev.ocpha.contracts.installer.ProfileException;
import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.planner.planning.ResourcePlanner;
import dev.ocpha.planner.planning.Sizing;
import dev.ocpha.platform.api.Problem.FieldError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules across fields that bean validation cannot express. Each rule skips inputs that are missing or
 * malformed (bean validation reports those), so every broken rule is reported at once, with its field path.
 */
final class TopologyRules {

    private final Topology topology;
    private final InstallerProfiles profiles;
    private final List<FieldError> errors = new ArrayList<>();

    private TopologyRules(Topology topology, InstallerProfiles profiles) {
        this.topology = topology;
        this.profiles = profiles;
    }

    static List<FieldError> check(Topology topology, InstallerProfiles profiles) {
        TopologyRules rules = new TopologyRules(topology, profiles);
        rules.modes();
        rules.edition();
        rules.passwords();
        rules.clusters();
        rules.hostEntries();
        rules.addresses();
        rules.clusterMembership();
        rules.azs();
        rules.architectures();
        rules.tenantOverrides();
        rules.declaredResources();
        return rules.errors;
    }

    private void error(String field, String message, String hint) {
        errors.add(new FieldError(field, message, hint));
    }

    private List<Topology.Host> hosts() {
        return topology.hosts() == null ? List.of() : topology.hosts();
    }

    private void modes() {
        List<DeploymentMode> modes = topology.mode();
        if (modes == null || modes.isEmpty() || modes.contains(null)) {
            return;
        }
        Set<DeploymentMode> set = EnumSet.copyOf(modes);
        if (set.size() != modes.size()) {
            error("mode", "lists a mode twice", "list each mode once");
        } else if (modes.size() > 1 && !set.equals(EnumSet.of(DeploymentMode.MULTI_CLUSTER, DeploymentMode.MULTI_AZ))) {
            error("mode", "combines " + modes + "; only MULTI_CLUSTER and MULTI_AZ combine",
                    "use one mode, or [MULTI_CLUSTER, MULTI_AZ] for OCP's cross-city 3-IDC layout");
        }
    }

    /**
     * The edition's installer profile must cover the version and every mode: multi-cluster and multi-AZ exist only in
     * OCP's enterprise edition, and the refusal names the document that says so.
     */
    private void edition() {
        Topology.Ocp ocp = topology.ocp();
        List<DeploymentMode> modes = topology.mode();
        if (ocp == null || ocp.version() == null || !ocp.version().matches(Patterns.VERSION) || modes == null
                || modes.contains(null)) {
            return;
        }
        Edition edition = ocp.editionOrDefault();
        InstallerProfile profile;
        try {
            profile = profiles.forEdition(edition, ocp.version());
        } catch (ProfileException e) {
            error("ocp.version", e.getMessage(), "use an OCP version an installer profile covers (docs/installers.md)");
            return;
        }
        for (DeploymentMode mode : modes) {
            ModeSupport support = profile.mode(mode.name());
            if (!support.supported()) {
                String other = profiles.all().stream().filter(p -> p.edition() != edition)
                        .filter(p -> p.mode(mode.name()).supported()).map(p -> p.edition().id()).findFirst().orElse(null);
                error("ocp.edition", "is " + edition.id() + (ocp.edition() == null ? " (the default)" : "") + ", and "
                                + mode + " cannot be deployed with it: " + support.reason()
                                + (support.source() == null ? "" : " (source: " + support.source() + ")"),
                        other == null ? "choose another mode" : "set ocp.edition: " + other + " to deploy " + mode
                                + " (installer profile " + profiles.all().stream().filter(p -> p.edition().id().equals(other))
                                .map(InstallerProfile::id).findFirst().orElseThrow() + ")");
            }
        }
    }

    private void passwords() {
        Topology.Passwords passwords = topology.passwords();
        if (passwords == null) {
            return;
        }
        password("metaDbRoot", passwords.metaDbRoot());
        password("proxyro", passwords.proxyro());
        password("metaTenant", passwords.metaTenant());
        password("monitorTenant", passwords.monitorTenant());
        password("ocpAdmin", passwords.ocpAdmin());
    }

    private void password(String key, Topology.Secret secret) {
        if (secret == null) {
            return;
        }
        String field = "passwords." + key;
        if (secret.value() != null) {
            String weak = PasswordRule.weak(secret.value())
                    ? "; it is also weak by OCP's rule (" + PasswordRule.RULE + ")" : "";
            error(field + ".value", "inline passwords are refused" + weak,
                    "store the password in the executors' and checker's secret store and give its name as secretRef");
        } else if (secret.secretRef() == null) {
            error(field + ".secretRef", "is required", "name the password in the executors' and checker's secret store");
        }
    }

    private void clusters() {
        List<Topology.Cluster> clusters = topology.clusters();
        boolean multiCluster = topology.has(DeploymentMode.MULTI_CLUSTER);
        if (clusters == null || clusters.isEmpty()) {
            if (multiCluster) {
                error("clusters", "MULTI_CLUSTER needs the clusters listed", "list one PRIMARY and at least one STANDBY");
            }
            return;
        }
        long primaries = clusters.stream().filter(c -> c != null && c.role() == Topology.ClusterRole.PRIMARY).count();
        long standbys = clusters.stream().filter(c -> c != null && c.role() == Topology.ClusterRole.STANDBY).count();
        if (multiCluster) {
            if (primaries != 1) {
                error("clusters", "has " + primaries + " PRIMARY clusters; a multi-cluster OCP has exactly one",
                        "mark exactly one cluster PRIMARY and the others STANDBY");
            }
            if (standbys == 0) {
                error("clusters", "has no STANDBY cluster", "add a STANDBY cluster or drop MULTI_CLUSTER from mode");
            }
        } else if (clusters.size() > 1) {
            error("clusters", "lists " + clusters.size() + " clusters without MULTI_CLUSTER",
                    "add MULTI_CLUSTER to mode or keep one cluster");
        } else if (clusters.get(0) != null && clusters.get(0).role() == Topology.ClusterRole.STANDBY) {
            error("clusters[0].role", "is STANDBY without MULTI_CLUSTER", "a single cluster is the PRIMARY");
        }
        // OCP cluster names and the MetaDB cluster names derived from them (<name>-meta) share one namespace here:
        // the registry, the OB clusters OCP takes over and the operator all refer to them by name.
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            Topology.Cluster cluster = clusters.get(i);
            if (cluster == null || cluster.name() == null) {
                continue;
            }
            String field = "clusters[" + i + "].name";
            String clash = names.putIfAbsent(cluster.name(), "clusters[" + i + "].name");
            if (clash != null) {
                error(field, "'" + cluster.name() + "' collides with " + clash, "give every cluster its own name");
            }
            String metaDb = cluster.name() + "-meta";
            String metaClash = names.putIfAbsent(metaDb, "the MetaDB cluster of clusters[" + i + "]");
            if (metaClash != null) {
                error(field, "its MetaDB cluster name '" + metaDb + "' collides with " + metaClash,
                        "rename the cluster so that no cluster is called like another one's MetaDB (<name>-meta)");
            }
        }
        for (int i = 0; i < clusters.size(); i++) {
            Topology.Cluster cluster = clusters.get(i);
            if (cluster != null && cluster.accessAddress() != null && cluster.accessAddress().matches(Patterns.SITE_URL)) {
                problem("clusters[" + i + "].accessAddress", Addresses.problemWithUrl(cluster.accessAddress()));
            }
        }
    }

    private void hostEntries() {
        List<Topology.Host> hosts = hosts();
        if (topology.has(DeploymentMode.SINGLE_NODE) && hosts.size() != 1) {
            error("hosts", "SINGLE_NODE needs exactly 1 host, not " + hosts.size(),
                    "use MULTI_NODE for several hosts");
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> endpoints = new HashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            Topology.Host host = hosts.get(i);
            if (host == null) {
                continue;
            }
            String at = "hosts[" + i + "]";
            unique(names, host.name(), "hosts", i, "give every host a unique name");
            if (host.address() != null) {
                Integer same = endpoints.putIfAbsent(host.address() + ":" + host.sshPortOrDefault(), i);
                if (same != null) {
                    error(at + ".address", "duplicates the address and SSH port of hosts[" + same + "]",
                            "list each host once");
                }
            }
            if (host.roles() != null) {
                roles(at, host);
            }
        }
    }

    /** Reports {@code list[index].name} when an earlier entry of the list has the same name. */
    private void unique(Map<String, Integer> seen, String name, String list, int index, String hint) {
        Integer same = name == null ? null : seen.putIfAbsent(name, index);
        if (same != null) {
            error(list + "[" + index + "].name", "duplicates " + list + "[" + same + "].name", hint);
        }
    }

    private void roles(String at, Topology.Host host) {
        List<HostRole> roles = host.roles();
        if (roles.isEmpty()) {
            error(at + ".roles", "is empty", "leave roles out for all four, or list what the host runs");
            return;
        }
        if (roles.contains(null)) {
            return;
        }
        if (EnumSet.copyOf(roles).size() != roles.size()) {
            error(at + ".roles", "lists a role twice", "list each role once");
        }
        if (!roles.contains(HostRole.METADB)
                && (roles.contains(HostRole.MONITORDB) || roles.contains(HostRole.OBPROXY))) {
            error(at + ".roles", "MONITORDB (a tenant of the MetaDB) and OBPROXY (in front of its observer) run with"
                    + " the MetaDB, which needs METADB on the host",
                    "add METADB to the host's roles");
        }
    }

    private void addresses() {
        List<Topology.Host> hosts = hosts();
        for (int i = 0; i < hosts.size(); i++) {
            Topology.Host host = hosts.get(i);
            if (host != null && host.address() != null && host.address().matches(Patterns.ADDRESS)) {
                problem("hosts[" + i + "].address", Addresses.problemWithHost(host.address()));
            }
        }
        List<Topology.Az> azs = topology.azList();
        for (int i = 0; i < azs.size(); i++) {
            Topology.Az az = azs.get(i);
            if (az == null) {
                continue;
            }
            if (az.ocpProxy() != null && az.ocpProxy().matches(Patterns.HOST_PORT)) {
                problem("azs[" + i + "].ocpProxy", Addresses.problemWithHostPort(az.ocpProxy()));
            }
            if (az.metaDbProxy() != null && az.metaDbProxy().matches(Patterns.HOST_PORT)) {
                problem("azs[" + i + "].metaDbProxy", Addresses.problemWithHostPort(az.metaDbProxy()));
            }
        }
    }

    private void problem(String field, String problem) {
        if (problem != null) {
            error(field, problem, null);
        }
    }

    /** Cluster name → indexes of its hosts; hosts in an unknown cluster are reported and left out. */
    private Map<String, List<Integer>> membership() {
        List<Topology.Cluster> clusters = topology.effectiveClusters();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        clusters.stream().filter(Objects::nonNull).map(Topology.Cluster::name).filter(Objects::nonNull)
                .forEach(name -> members.putIfAbsent(name, new ArrayList<>()));
        List<Topology.Host> hosts = hosts();
        for (int i = 0; i < hosts.size(); i++) {
            Topology.Host host = hosts.get(i);
            if (host == null) {
                continue;
            }
            String cluster = clusterOf(host);
            if (cluster != null && members.containsKey(cluster)) {
                members.get(cluster).add(i);
            }
        }
        return members;
    }

    private String clusterOf(Topology.Host host) {
        List<Topology.Cluster> clusters = topology.effectiveClusters();
        if (host.cluster() != null) {
            return host.cluster();
        }
        return clusters.size() == 1 && clusters.get(0) != null ? clusters.get(0).name() : null;
    }

    private void clusterMembership() {
        List<Topology.Cluster> clusters = topology.effectiveClusters();
        Map<String, List<Integer>> members = membership();
        List<Topology.Host> hosts = hosts();
        for (int i = 0; i < hosts.size(); i++) {
            Topology.Host host = hosts.get(i);
            if (host == null) {
                continue;
            }
            String cluster = clusterOf(host);
            if (cluster == null) {
                error("hosts[" + i + "].cluster", "is required when there are several clusters",
                        "name one of " + members.keySet());
            } else if (!members.containsKey(cluster)) {
                error("hosts[" + i + "].cluster", "names unknown cluster '" + cluster + "'",
                        "name one of " + members.keySet());
            }
        }
        boolean singleNode = topology.has(DeploymentMode.SINGLE_NODE);
        boolean explicit = topology.clusters() != null && !topology.clusters().isEmpty();
        for (int c = 0; c < clusters.size(); c++) {
            Topology.Cluster cluster = clusters.get(c);
            if (cluster == null || cluster.name() == null) {
                continue;
            }
            String field = explicit ? "clusters[" + c + "]" : "hosts";
            List<Topology.Host> own = members.getOrDefault(cluster.name(), List.of()).stream().map(hosts::get).toList();
            if (own.isEmpty()) {
                error(field, "cluster '" + cluster.name() + "' has no hosts", "put hosts in it or remove it");
                continue;
            }
            if (own.stream().noneMatch(h -> h.runs(HostRole.OCP_SERVER))) {
                error(field, "cluster '" + cluster.name() + "' has no OCP_SERVER host", "give a host the OCP_SERVER role");
            }
            long metaDb = own.stream().filter(h -> h.runs(HostRole.METADB)).count();
            if (singleNode && metaDb != 1) {
                error(field, "SINGLE_NODE needs its one host to run METADB", "add METADB to the host's roles");
            } else if (!singleNode && metaDb < 3) {
                error(field, "cluster '" + cluster.name() + "' has " + metaDb + " MetaDB hosts; a majority of "
                        + "replicas must survive the loss of one, which takes at least 3",
                        "give METADB to at least 3 hosts of the cluster (one per AZ in multi-AZ)");
            }
        }
    }

    private void azs() {
        List<Topology.Az> azs = topology.azList();
        if (!topology.has(DeploymentMode.MULTI_AZ)) {
            if (!azs.isEmpty()) {
                error("azs", "are only used in MULTI_AZ mode", "add MULTI_AZ to mode or remove azs");
            }
            return;
        }
        if (azs.isEmpty()) {
            error("azs", "MULTI_AZ needs its availability zones", "list each AZ with its IDCs and proxies");
            return;
        }
        List<Topology.Cluster> clusters = topology.effectiveClusters();
        Set<String> clusterNames = new java.util.HashSet<>();
        clusters.stream().filter(Objects::nonNull).map(Topology.Cluster::name).forEach(clusterNames::add);
        Map<String, Integer> azNames = new HashMap<>();
        Map<String, String> azOfIdc = new HashMap<>();
        for (int i = 0; i < azs.size(); i++) {
            Topology.Az az = azs.get(i);
            if (az == null) {
                continue;
            }
            String at = "azs[" + i + "]";
            unique(azNames, az.name(), "azs", i, "give every AZ its own name");
            String cluster = azCluster(az);
            if (cluster == null) {
                error(at + ".cluster", "is required when there are several clusters", "name one of " + clusterNames);
            } else if (!clusterNames.contains(cluster)) {
                error(at + ".cluster", "names unknown cluster '" + cluster + "'", "name one of " + clusterNames);
            }
            if (az.idcs() == null) {
                continue;
            }
            for (int j = 0; j < az.idcs().size(); j++) {
                String idc = az.idcs().get(j);
                if (idc == null) {
                    continue;
                }
                String other = azOfIdc.putIfAbsent(idc, az.name());
                if (other != null) {
                    error(at + ".idcs[" + j + "]", "IDC '" + idc + "' is already in AZ '" + other + "'",
                            "map each IDC to exactly one AZ");
                }
            }
        }
        azHosts(azs, azOfIdc);
    }

    private String azCluster(Topology.Az az) {
        if (az.cluster() != null) {
            return az.cluster();
        }
        List<Topology.Cluster> clusters = topology.effectiveClusters();
        return clusters.size() == 1 && clusters.get(0) != null ? clusters.get(0).name() : null;
    }

    /** Hosts of a cluster with AZs: each in an AZ of its cluster; per AZ an OCP node and one MetaDB replica. */
    private void azHosts(List<Topology.Az> azs, Map<String, String> azOfIdc) {
        Map<String, String> clusterOfAz = new HashMap<>();
        for (Topology.Az az : azs) {
            if (az != null && az.name() != null) {
                clusterOfAz.putIfAbsent(az.name(), azCluster(az));
            }
        }
        Set<String> clustersWithAzs = new java.util.HashSet<>(clusterOfAz.values());
        Map<String, List<Topology.Host>> hostsOfAz = new HashMap<>();
        List<Topology.Host> hosts = hosts();
        for (int i = 0; i < hosts.size(); i++) {
            Topology.Host host = hosts.get(i);
            if (host == null || !clustersWithAzs.contains(clusterOf(host))) {
                continue;
            }
            if (host.idc() == null) {
                error("hosts[" + i + "].idc", "is required: the host's cluster spans AZs",
                        "give the host the IDC it stands in");
                continue;
            }
            String az = azOfIdc.get(host.idc());
            if (az == null) {
                error("hosts[" + i + "].idc", "IDC '" + host.idc() + "' is in no AZ", "add it to an AZ's idcs");
            } else if (!Objects.equals(clusterOfAz.get(az), clusterOf(host))) {
                error("hosts[" + i + "].idc", "IDC '" + host.idc() + "' is in AZ '" + az + "' of another cluster",
                        "move the host to that cluster or its IDC to an AZ of cluster '" + clusterOf(host) + "'");
            } else {
                hostsOfAz.computeIfAbsent(az, k -> new ArrayList<>()).add(host);
            }
        }
        for (int i = 0; i < azs.size(); i++) {
            Topology.Az az = azs.get(i);
            if (az == null || az.name() == null) {
                continue;
            }
            List<Topology.Host> own = hostsOfAz.getOrDefault(az.name(), List.of());
            if (own.stream().noneMatch(h -> h.runs(HostRole.OCP_SERVER))) {
                error("azs[" + i + "]", "AZ '" + az.name() + "' has no OCP node",
                        "put an OCP_SERVER host in one of its IDCs or remove the AZ");
            }
            List<String> replicas = own.stream().filter(h -> h.runs(HostRole.METADB)).map(Topology.Host::name).toList();
            if (replicas.size() != 1) {
                error("azs[" + i + "]", "AZ '" + az.name() + "' has " + replicas.size() + " MetaDB replicas "
                        + replicas + "; multi-AZ places exactly one per AZ", "give METADB to one host per AZ");
            }
        }
    }

    private void architectures() {
        Map<String, List<Integer>> members = membership();
        List<Topology.Host> hosts = hosts();
        for (List<Integer> indexes : members.values()) {
            Topology.Arch first = null;
            for (int i : indexes) {
                Topology.Host host = hosts.get(i);
                Topology.Arch arch = host.resources() == null ? null : host.resources().arch();
                if (!host.runs(HostRole.METADB) || arch == null) {
                    continue;
                }
                if (first == null) {
                    first = arch;
                } else if (first != arch) {
                    error("hosts[" + i + "].resources.arch", "is " + arch + " but the cluster's MetaDB also runs on "
                            + first + "; one MetaDB runs on one CPU architecture", "use hosts of one architecture");
                }
            }
        }
    }

    private void tenantOverrides() {
        Topology.MetaDb metaDb = topology.metaDb();
        if (metaDb == null || topology.sandbox() || topology.managedHosts() == null
                || topology.managedHosts() < 1 || topology.managedHosts() > ResourcePlanner.MAX_MANAGED_HOSTS) {
            return;
        }
        below("metaDb.metaTenant", metaDb.metaTenant(), 4, 8, "the MetaDB tenant minimum 4C/8GB (OCP 4.2 docs, planning resources: MetaDB and MonitorDB)");
        var monitor = ResourcePlanner.monitorTier(topology.managedHosts());
        below("metaDb.monitorTenant", metaDb.monitorTenant(), monitor.cpu(), monitor.memoryGb(), monitor.basis());
    }

    private void below(String field, Topology.TenantSize size, int cpu, int memoryGb, String basis) {
        if (size == null) {
            return;
        }
        if (size.cpu() != null && size.cpu() < cpu) {
            error(field + ".cpu", "is " + size.cpu() + ", below " + cpu + " from " + basis,
                    "raise it or use the sandbox profile (not for production)");
        }
        if (size.memoryGb() != null && size.memoryGb() < memoryGb) {
            error(field + ".memoryGb", "is " + size.memoryGb() + ", below " + memoryGb + " from " + basis,
                    "raise it or use the sandbox profile (not for production)");
        }
    }

    /** Declared host resources below what the host's roles need; undeclared ones are checked on the host. */
    private void declaredResources() {
        if (topology.managedHosts() == null || topology.managedHosts() < 1
                || topology.managedHosts() > ResourcePlanner.MAX_MANAGED_HOSTS || topology.mode() == null
                || topology.mode().isEmpty() || topology.mode().contains(null)) {
            return;
        }
        Sizing sizing = ResourcePlanner.sizing(topology);
        List<Topology.Host> hosts = hosts();
        for (int i = 0; i < hosts.size(); i++) {
            Topology.Host host = hosts.get(i);
            if (host == null || host.resources() == null || host.roles() != null && host.roles().contains(null)) {
                continue;
            }
            HostRequirement need = ResourcePlanner.requirement(sizing, host.rolesOrDefault());
            String at = "hosts[" + i + "].resources.";
            Topology.Resources has = host.resources();
            compare(at + "cpu", has.cpu(), need.cpuCores(), "cores", need.basis());
            compare(at + "memoryGb", has.memoryGb(), need.memoryGb(), "GB of memory", need.basis());
            compare(at + "diskGb", has.diskGb(), ResourcePlanner.totalDiskGb(need), "GB of free disk",
                    need.freeDiskGbByPath().toString());
        }
    }

    private void compare(String field, Integer declared, int needed, String unit, String basis) {
        if (declared != null && declared < needed) {
            error(field, "declares " + declared + " " + unit + "; the host's roles need " + needed + " (" + basis + ")",
                    "use a bigger host, move roles elsewhere, or use the sandbox profile (not for production)");
        }
    }
}
