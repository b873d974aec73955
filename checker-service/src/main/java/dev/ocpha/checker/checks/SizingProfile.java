package dev.ocpha.checker.checks;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sizing profile of a run. {@code production} holds hosts to OCP's minimums
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/)
 * and treats host tuning as critical; {@code sandbox} scales resources down to what a lab or laptop host has and
 * reports host tuning (kernel, limits, swap, SELinux, firewall, OS list) as warnings, so a try-out is not blocked by
 * settings a production host must have.
 */
public enum SizingProfile {
    PRODUCTION,
    SANDBOX;

    /**
     * MetaDB (OBServer) directories that OAT wants empty and owned by admin
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/200.deploying-a-high-availability-of-ocp/200.install-metadb-high-availability.md).
     */
    public static final List<String> METADB_DIRECTORIES = List.of("/home/admin/oceanbase", "/data/1", "/log/1");

    public static SizingProfile parse(String value) {
        if (value == null || value.isBlank()) {
            return PRODUCTION;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown sizing profile '" + value + "'; use one of "
                    + Arrays.stream(values()).map(SizingProfile::label).toList());
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Host tuning checks are critical in production only. */
    public Severity tuningSeverity() {
        return this == PRODUCTION ? Severity.CRITICAL : Severity.WARNING;
    }

    /**
     * The thresholds a host is held to: the request's requirement where it gives one (the planner always does),
     * otherwise this profile's defaults for the host's roles. Ports default to those of the roles.
     */
    public HostRequirement thresholds(List<String> roles, HostRequirement given) {
        HostRequirement defaults = defaults(roles);
        if (given == null) {
            return defaults;
        }
        return new HostRequirement(given.cpuCores(), given.memoryGb(),
                given.freeDiskGbByPath() == null ? defaults.freeDiskGbByPath() : given.freeDiskGbByPath(),
                given.ports() == null || given.ports().isEmpty() ? defaults.ports() : given.ports(),
                given.basis() == null ? "requirement of the request" : given.basis());
    }

    /**
     * Production: the sum over the roles of OCP-Server 8C/16 GB with 500 GB under /home/admin, MetaDB tenant 4C/8 GB
     * with 100 GB data, MonitorDB 4C/16 GB with 150 GB data (the community edition's minimum), OBProxy 1C/2 GB
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/100.planning-resources-of-single-node/).
     * Sandbox: 1 core, 1 GB, 1 GB per path.
     */
    public HostRequirement defaults(List<String> roles) {
        int cpu = 0;
        int memory = 0;
        Map<String, Integer> disk = new TreeMap<>();
        for (String role : roles) {
            switch (role) {
                case HostRoles.OCP_SERVER -> {
                    cpu += 8;
                    memory += 16;
                    disk.merge("/home/admin", 500, Integer::sum);
                }
                case HostRoles.METADB -> {
                    cpu += 4;
                    memory += 8;
                    disk.merge("/data/1", 100, Integer::sum);
                }
                case HostRoles.MONITORDB -> {
                    cpu += 4;
                    memory += 16;
                    disk.merge("/data/1", 150, Integer::sum);
                }
                case HostRoles.OBPROXY -> {
                    cpu += 1;
                    memory += 2;
                }
                default -> throw new IllegalArgumentException("unknown role '" + role + "'; use " + HostRoles.ALL);
            }
        }
        if (this == SANDBOX) {
            cpu = 1;
            memory = 1;
            disk.replaceAll((path, gb) -> 1);
        }
        return new HostRequirement(cpu, memory, disk, portsFor(roles), label() + " defaults for " + roles);
    }

    /**
     * The ports each role listens on
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/2100.appendix/400.component-listening-port-list.md).
     */
    public static List<Integer> portsFor(List<String> roles) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (String role : roles) {
            switch (role) {
                case HostRoles.OCP_SERVER -> ports.add(8080);
                case HostRoles.METADB, HostRoles.MONITORDB -> ports.addAll(List.of(2881, 2882, 2022, 62888, 62889));
                case HostRoles.OBPROXY -> ports.addAll(List.of(2883, 2884));
                default -> throw new IllegalArgumentException("unknown role '" + role + "'; use " + HostRoles.ALL);
            }
        }
        return new ArrayList<>(ports);
    }
}
