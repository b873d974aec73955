package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import java.util.List;
import java.util.Map;

/**
 * A topology was accepted and planned. Carries the whole plan: clusters, AZs, hosts, steps, the registry facts the
 * deployment expects, and the secret references ({@link dev.ocpha.contracts.SecretKeys}) of its passwords.
 * {@code modes} holds one or more of SINGLE_NODE, MULTI_NODE, MULTI_CLUSTER, MULTI_AZ; {@code edition} is community or
 * enterprise, and {@code installerProfile} the profile (docs/installers.md) every step of the deployment follows.
 */
public record DeploymentPlanned(String deploymentId, String name, List<String> modes, String ocpVersion,
                                String sizingProfile, List<PlannedCluster> clusters, List<PlannedAz> azs,
                                List<PlannedHost> hosts, List<PlannedStep> steps, List<String> expectedFacts,
                                Map<String, String> secretRefs, String edition, String installerProfile)
        implements DeploymentEvent {
}
