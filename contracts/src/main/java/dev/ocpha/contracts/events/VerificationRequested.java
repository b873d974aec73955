package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;

/**
 * Every deploy step is done and the registry's facts are complete: run the post-deployment check
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/300.post-deployment-check.md)
 * on the OCP nodes, the AZ access addresses and the primary/standby bindings. {@code adminPasswordRef} names the OCP
 * admin password in the checker's secret store.
 */
public record VerificationRequested(String deploymentId, String ocpVersion, List<PlannedCluster> clusters,
                                    List<PlannedAz> azs, List<PlannedHost> nodes, String adminPasswordRef,
                                    String metaPasswordRef) implements DeploymentEvent {
}
