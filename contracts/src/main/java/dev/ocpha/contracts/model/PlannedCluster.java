package dev.ocpha.contracts.model;

import java.util.List;

/** An OCP cluster of a planned deployment. {@code role} is PRIMARY or STANDBY. */
public record PlannedCluster(String name, String role, String region, String accessAddress, List<String> hosts) {
}
