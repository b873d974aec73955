package dev.ocpha.contracts.model;

import java.util.List;

/**
 * An OCP cluster of a planned deployment. {@code role} is PRIMARY or STANDBY (LEADER or FOLLOWER in OCP's multi-cluster
 * CLI); {@code clusterId} is the id given to {@code enableMc}. {@code metaDbAddress} is the MetaDB address (host:port)
 * its OCP is started with, which the other clusters' hosts must reach
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/100.deployment-overview/200.multi-node-deplpyment-overview.md).
 */
public record PlannedCluster(String name, String role, int clusterId, String region, String accessAddress,
                             String metaDbClusterName, String metaDbAddress, boolean multiCluster,
                             List<String> hosts) {
}
