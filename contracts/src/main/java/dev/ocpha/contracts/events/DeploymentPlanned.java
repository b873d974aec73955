package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import java.util.List;

/** A topology was accepted and planned; the environment check may start. Carries the whole plan. */
public record DeploymentPlanned(String deploymentId, String name, String mode, String ocpVersion,
                                String sizingProfile, List<PlannedCluster> clusters, List<PlannedHost> hosts,
                                List<PlannedStep> steps) implements DeploymentEvent {
}
