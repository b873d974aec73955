package dev.ocpha.planner.planning;

import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.planner.domain.DeploymentMode;
import dev.ocpha.planner.domain.HostRole;
import dev.ocpha.planner.domain.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sizes OCP-Server, the MetaDB and MonitorDB tenants and every host from OCP's tables
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/).
 * The {@code sandbox} profile replaces them with small fixed sizes so a lab host passes; it is not for production.
 */
public final class ResourcePlanner {

    /** One row of a sizing table: up to {@code maxHosts} managed hosts need {@code cpu}/{@code memoryGb}. */
    record Row(int maxHosts, int cpu, int memoryGb) {
    }

    static final List<Row> OCP_SERVER_TABLE = List.of(new Row(20, 8, 16), new Row(50, 16, 32),
            new Row(200, 32, 64), new Row(400, 64, 128));
    static final List<Row> MONITORDB_TABLE = List.of(new Row(10, 4, 16), new Row(50, 16, 64),
            new Row(100, 32, 128), new Row(200, 64, 256), new Row(400, 128, 512));
    public static final int MAX_MANAGED_HOSTS = 400;

    static final Allocation META_TENANT_MINIMUM = new Allocation(4, 8, "MetaDB tenant minimum 4C/8GB (OCP 4.2 docs, planning resources: MetaDB and MonitorDB)");
    static final Allocation SYS_TENANT = new Allocation(5, 28, "sys tenant 5C/28GB (OCP 4.2 docs, planning resources: the all-in-one example)");
    static final Allocation SYSTEM_MEMORY = new Allocation(0, 50,
            "system_memory 50GB (OCP 4.2 docs, planning resources: the all-in-one example)");
    static final Allocation OBPROXY = new Allocation(1, 2, "OBProxy 1C/2GB (OCP 4.2 docs, planning resources: the all-in-one example)");
    static final int OCP_SERVER_DISK_GB = 500;
    static final int METADB_DISK_GB = 100;
    static final int MONITOR_GB_PER_SERVER_DAY = 20;
    static final int MONITOR_RETENTION_DAYS = 8;

    static final String SANDBOX_NOTE = "sandbox profile: NOT FOR PRODUCTION. Sizes are cut to fit lab hosts "
            + "(2 cores, a few GB); OCP's documented minimums (production profile) are not met.";
    static final String PRODUCTION_NOTE = "production profile: OCP's documented minimums (OCP 4.2 docs, planning resources).";
    private static final String SANDBOX = "sandbox profile";

    public static final String INSTALL_DIR = "/home/admin/oceanbase";
    public static final String DATA_DIR = "/data/1";
    public static final String LOG_DIR = "/log/1";
    public static final String ADMIN_HOME = "/home/admin";
    public static final List<String> OCP_DIRECTORIES = List.of("/home/admin/ocp-server", "/home/admin/logs/ocp",
            "/home/admin/logs/task", "/home/admin/data/files");
    public static final List<String> METADB_DIRECTORIES = List.of(INSTALL_DIR, DATA_DIR, LOG_DIR);

    public static final int OCP_HTTP_PORT = 8080;
    public static final int MYSQL_PORT = 2881;
    public static final int RPC_PORT = 2882;
    public static final int PROXY_PORT = 2883;
    public static final int PROXY_METRICS_PORT = 2884;
    public static final int METADB_SSHD_PORT = 2022;
    public static final int AGENT_MANAGER_PORT = 62888;
    public static final int AGENT_MONITOR_PORT = 62889;

    private ResourcePlanner() {
    }

    /**
     * OCP-Server per node by managed hosts, boundaries inclusive
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/100.planning-resources-of-single-node/100.ocp-server-specifications-single-node.md).
     */
    public static Allocation ocpServerTier(int managedHosts) {
        Row row = row(OCP_SERVER_TABLE, managedHosts);
        return new Allocation(row.cpu(), row.memoryGb(), "OCP-Server table row ≤ " + row.maxHosts()
                + " managed hosts: " + row.cpu() + "C/" + row.memoryGb() + "GB (OCP 4.2 docs, planning resources: OCP-Server specifications)");
    }

    /**
     * MonitorDB tenant per replica by managed hosts, boundaries inclusive
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/100.planning-resources-of-single-node/300.monitordb-resources-single-node.md).
     */
    public static Allocation monitorTier(int managedHosts) {
        Row row = row(MONITORDB_TABLE, managedHosts);
        return new Allocation(row.cpu(), row.memoryGb(), "MonitorDB table row ≤ " + row.maxHosts()
                + " managed hosts: " + row.cpu() + "C/" + row.memoryGb() + "GB (OCP 4.2 docs, planning resources: MetaDB and MonitorDB)");
    }

    /**
     * MonitorDB disk = servers × 20 GB × 8 days
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/100.planning-resources-of-single-node/300.monitordb-resources-single-node.md).
     */
    public static int monitorDbDiskGb(int managedHosts) {
        return managedHosts * MONITOR_GB_PER_SERVER_DAY * MONITOR_RETENTION_DAYS;
    }

    private static Row row(List<Row> table, int managedHosts) {
        if (managedHosts < 1 || managedHosts > MAX_MANAGED_HOSTS) {
            throw new IllegalArgumentException("managed hosts must be 1–" + MAX_MANAGED_HOSTS + ", not " + managedHosts);
        }
        return table.stream().filter(row -> managedHosts <= row.maxHosts()).findFirst().orElseThrow();
    }

    public static Sizing sizing(Topology topology) {
        int managed = topology.managedHosts();
        boolean singleNode = topology.has(DeploymentMode.SINGLE_NODE);
        Topology.MetaDb overrides = topology.metaDb();
        if (topology.sandbox()) {
            Allocation meta = override(overrides == null ? null : overrides.metaTenant(),
                    new Allocation(2, 5, "OAT install form defaults 2C/5GB (OCP 4.2 docs, installing OCP with OAT)"));
            Allocation monitor = override(overrides == null ? null : overrides.monitorTenant(),
                    new Allocation(2, 4, SANDBOX));
            Allocation sys = new Allocation(1, 2, SANDBOX);
            Allocation systemMemory = new Allocation(0, 1, SANDBOX);
            Allocation proxy = new Allocation(1, 1, SANDBOX);
            return new Sizing(Topology.SANDBOX, SANDBOX_NOTE, managed, new Allocation(1, 2, SANDBOX), meta, monitor,
                    sys, systemMemory, proxy, container(meta, monitor, sys, systemMemory, proxy), 1, 1, SANDBOX,
                    new Allocation(1, 1, SANDBOX + ": host floor 1C/1GB"));
        }
        Allocation meta = override(overrides == null ? null : overrides.metaTenant(), META_TENANT_MINIMUM);
        Allocation monitor = override(overrides == null ? null : overrides.monitorTenant(), monitorTier(managed));
        Allocation minimum = singleNode
                ? new Allocation(8, 64, "host minimum single-node 8C/64GB (OCP 4.2 docs, planning resources: MetaDB and MonitorDB)")
                : new Allocation(24, 64, "host minimum multi-node 24C/64GB (OCP 4.2 docs, planning resources: MetaDB and MonitorDB)");
        return new Sizing(Topology.PRODUCTION, PRODUCTION_NOTE, managed, ocpServerTier(managed), meta, monitor,
                SYS_TENANT, SYSTEM_MEMORY, OBPROXY, container(meta, monitor, SYS_TENANT, SYSTEM_MEMORY, OBPROXY),
                METADB_DISK_GB, monitorDbDiskGb(managed), managed + " servers × " + MONITOR_GB_PER_SERVER_DAY
                        + " GB × " + MONITOR_RETENTION_DAYS + " days (OCP 4.2 docs, planning resources: MetaDB and MonitorDB)", minimum);
    }

    private static Allocation override(Topology.TenantSize size, Allocation planned) {
        return size == null || size.cpu() == null || size.memoryGb() == null ? planned
                : new Allocation(size.cpu(), size.memoryGb(), "topology override (metaDb)");
    }

    private static Allocation container(Allocation meta, Allocation monitor, Allocation sys, Allocation systemMemory,
                                        Allocation proxy) {
        int cpu = meta.cpu() + monitor.cpu() + sys.cpu() + systemMemory.cpu() + proxy.cpu();
        int memory = meta.memoryGb() + monitor.memoryGb() + sys.memoryGb() + systemMemory.memoryGb()
                + proxy.memoryGb();
        return new Allocation(cpu, memory, "ocp_meta + ocp_monitor + sys tenant + system_memory + OBProxy"
                + " (OCP 4.2 docs, installing the MetaDB with OAT: sizing rule)");
    }

    /** What a host with {@code roles} must offer: the sum of its components, at least the host minimum. */
    public static HostRequirement requirement(Sizing sizing, List<HostRole> roles) {
        List<Allocation> parts = new ArrayList<>();
        if (roles.contains(HostRole.OCP_SERVER)) {
            parts.add(named("ocp-server", sizing.ocpServer()));
        }
        if (roles.contains(HostRole.METADB)) {
            parts.add(named("ocp_meta", sizing.metaTenant()));
            parts.add(named("sys tenant", sizing.sysTenant()));
            parts.add(named("system_memory", sizing.systemMemory()));
        }
        if (roles.contains(HostRole.MONITORDB)) {
            parts.add(named("ocp_monitor", sizing.monitorTenant()));
        }
        if (roles.contains(HostRole.OBPROXY)) {
            parts.add(named("OBProxy", sizing.obProxy()));
        }
        boolean sandbox = Topology.SANDBOX.equals(sizing.profile());
        int cpu = parts.stream().mapToInt(Allocation::cpu).sum();
        int memory = parts.stream().mapToInt(Allocation::memoryGb).sum();
        StringBuilder basis = new StringBuilder(sizing.profile()).append(": ");
        if (sandbox) {
            cpu = sizing.hostMinimum().cpu();
            memory = sizing.hostMinimum().memoryGb();
            basis.append(sizing.hostMinimum().basis());
        } else {
            basis.append(String.join(" + ", parts.stream().map(Allocation::basis).toList()))
                    .append(" = ").append(cpu).append("C/").append(memory).append("GB");
            if (cpu < sizing.hostMinimum().cpu() || memory < sizing.hostMinimum().memoryGb()) {
                basis.append("; raised to the ").append(sizing.hostMinimum().basis());
                cpu = Math.max(cpu, sizing.hostMinimum().cpu());
                memory = Math.max(memory, sizing.hostMinimum().memoryGb());
            }
        }
        return new HostRequirement(cpu, memory, disk(sizing, roles, sandbox), ports(roles), basis.toString());
    }

    private static Allocation named(String component, Allocation allocation) {
        return new Allocation(allocation.cpu(), allocation.memoryGb(), component + " " + allocation.brief() + " ["
                + allocation.basis() + "]");
    }

    private static Map<String, Integer> disk(Sizing sizing, List<HostRole> roles, boolean sandbox) {
        Map<String, Integer> disk = new LinkedHashMap<>();
        if (roles.contains(HostRole.OCP_SERVER)) {
            disk.put(ADMIN_HOME, sandbox ? 1 : OCP_SERVER_DISK_GB);
        }
        if (roles.contains(HostRole.METADB)) {
            int data = sizing.metaDbDiskGb() + (roles.contains(HostRole.MONITORDB) && !sandbox
                    ? sizing.monitorDbDiskGb() : 0);
            disk.put(DATA_DIR, data);
        }
        return disk;
    }

    /**
     * The ports the roles listen on
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/2100.appendix/400.component-listening-port-list.md), which must be free before
     * the deployment.
     */
    static List<Integer> ports(List<HostRole> roles) {
        TreeSet<Integer> ports = new TreeSet<>();
        if (roles.contains(HostRole.OCP_SERVER)) {
            ports.add(OCP_HTTP_PORT);
        }
        if (roles.contains(HostRole.METADB)) {
            ports.addAll(List.of(MYSQL_PORT, RPC_PORT, METADB_SSHD_PORT, AGENT_MANAGER_PORT, AGENT_MONITOR_PORT));
        }
        if (roles.contains(HostRole.OBPROXY)) {
            ports.addAll(List.of(PROXY_PORT, PROXY_METRICS_PORT));
        }
        return List.copyOf(ports);
    }

    /** Total free disk a host needs, over every planned path. */
    public static int totalDiskGb(HostRequirement requirement) {
        return requirement.freeDiskGbByPath().values().stream().mapToInt(Integer::intValue).sum();
    }
}
