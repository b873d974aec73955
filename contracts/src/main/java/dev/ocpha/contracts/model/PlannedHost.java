package dev.ocpha.contracts.model;

import java.util.List;

/**
 * A host of a planned deployment: how to reach it, where it stands (cluster, region, IDC, AZ), what it runs
 * ({@link dev.ocpha.contracts.HostRoles}) and what it must offer.
 */
public record PlannedHost(String name, HostAccess access, String cluster, String region, String idc, String az,
                          List<String> roles, HostRequirement requirement) {
}
