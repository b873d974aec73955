package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;

/**
 * The hosts are added: check them
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/200.prepare-the-deployment-environment/300.environment-check.md).
 * Each host carries its roles and requirement; {@code strict} turns warnings into failures. The clusters give each
 * side's MetaDB address for the cross-site reachability check.
 */
public record EnvironmentCheckRequested(String deploymentId, String sizingProfile, boolean strict,
                                        List<PlannedCluster> clusters, List<PlannedHost> hosts)
        implements DeploymentEvent {
}
