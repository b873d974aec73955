package dev.ocpha.checker.domain;

import dev.ocpha.checker.checks.SizingProfile;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates an inventory before anything connects, naming every wrong field ({@code hosts[2].access.address}). */
public final class InventoryValidator {

    private InventoryValidator() {
    }

    public static List<InventoryProblem> validate(CheckInventory inventory) {
        List<InventoryProblem> problems = new ArrayList<>();
        try {
            SizingProfile.parse(inventory.profile());
        } catch (IllegalArgumentException e) {
            problems.add(new InventoryProblem("profile", e.getMessage()));
        }
        Set<String> clusterNames = new HashSet<>();
        for (int i = 0; i < inventory.clusters().size(); i++) {
            PlannedCluster cluster = inventory.clusters().get(i);
            String at = "clusters[" + i + "]";
            if (cluster == null || blank(cluster.name())) {
                problems.add(new InventoryProblem(at + ".name", "must not be blank"));
                continue;
            }
            clusterNames.add(cluster.name());
            if (cluster.metaDbAddress() != null && !cluster.metaDbAddress().isBlank()
                    && !cluster.metaDbAddress().trim().matches("(\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]]+)(:\\d{1,5})?")) {
                problems.add(new InventoryProblem(at + ".metaDbAddress",
                        "'" + cluster.metaDbAddress() + "' is not host:port"));
            }
        }
        if (inventory.hosts() == null || inventory.hosts().isEmpty()) {
            problems.add(new InventoryProblem("hosts", "must list at least one host"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inventory.hosts().size(); i++) {
            validateHost(inventory.hosts().get(i), "hosts[" + i + "]", names, clusterNames, problems);
        }
        return problems;
    }

    private static void validateHost(PlannedHost host, String at, Set<String> names, Set<String> clusterNames,
                                     List<InventoryProblem> problems) {
        if (host == null) {
            problems.add(new InventoryProblem(at, "must not be null"));
            return;
        }
        if (blank(host.name())) {
            problems.add(new InventoryProblem(at + ".name", "must not be blank"));
        } else if (!names.add(host.name())) {
            problems.add(new InventoryProblem(at + ".name", "'" + host.name() + "' is listed twice"));
        }
        if (host.access() == null) {
            problems.add(new InventoryProblem(at + ".access", "must give address, sshPort, user and credentialRef"));
        } else {
            if (blank(host.access().address())) {
                problems.add(new InventoryProblem(at + ".access.address", "must not be blank"));
            }
            if (host.access().sshPort() < 1 || host.access().sshPort() > 65535) {
                problems.add(new InventoryProblem(at + ".access.sshPort", "must be 1–65535, not " + host.access().sshPort()));
            }
            if (blank(host.access().user())) {
                problems.add(new InventoryProblem(at + ".access.user", "must not be blank"));
            }
            if (blank(host.access().credentialRef())) {
                problems.add(new InventoryProblem(at + ".access.credentialRef", "must name a configured credential"));
            }
        }
        if (host.roles() == null || host.roles().isEmpty()) {
            problems.add(new InventoryProblem(at + ".roles", "must list at least one of " + HostRoles.ALL));
        } else {
            for (int r = 0; r < host.roles().size(); r++) {
                if (!HostRoles.ALL.contains(host.roles().get(r))) {
                    problems.add(new InventoryProblem(at + ".roles[" + r + "]",
                            "unknown role '" + host.roles().get(r) + "'; use one of " + HostRoles.ALL));
                }
            }
        }
        if (host.cluster() != null && !clusterNames.isEmpty() && !clusterNames.contains(host.cluster())) {
            problems.add(new InventoryProblem(at + ".cluster", "'" + host.cluster() + "' is not one of the clusters "
                    + clusterNames));
        }
        HostRequirement requirement = host.requirement();
        if (requirement != null) {
            if (requirement.cpuCores() < 0) {
                problems.add(new InventoryProblem(at + ".requirement.cpuCores", "must not be negative"));
            }
            if (requirement.memoryGb() < 0) {
                problems.add(new InventoryProblem(at + ".requirement.memoryGb", "must not be negative"));
            }
            if (requirement.freeDiskGbByPath() != null) {
                requirement.freeDiskGbByPath().forEach((path, gb) -> {
                    if (path == null || !path.startsWith("/")) {
                        problems.add(new InventoryProblem(at + ".requirement.freeDiskGbByPath",
                                "'" + path + "' is not an absolute path"));
                    } else if (gb == null || gb < 0) {
                        problems.add(new InventoryProblem(at + ".requirement.freeDiskGbByPath." + path,
                                "must be a size in GB, not " + gb));
                    }
                });
            }
            if (requirement.ports() != null) {
                for (int p = 0; p < requirement.ports().size(); p++) {
                    Integer port = requirement.ports().get(p);
                    if (port == null || port < 1 || port > 65535) {
                        problems.add(new InventoryProblem(at + ".requirement.ports[" + p + "]", "must be 1–65535, not " + port));
                    }
                }
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
