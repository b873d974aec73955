package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;

/**
 * The hosts are added: check them (ocp-facts §4–5). Each host carries its roles and requirement; {@code strict}
 * turns warnings into failures. The clusters give each side's MetaDB address for the cross-site reachability check.
 */
public record EnvironmentCheckRequested(String deploymentId, String sizingProfile, boolean strict,
                                        List<PlannedCluster> clusters, List<PlannedHost> hosts)
        implements DeploymentEvent {
}
