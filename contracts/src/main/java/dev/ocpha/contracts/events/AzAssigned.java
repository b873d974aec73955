package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.AzNode;
import java.util.List;

/**
 * An availability zone's OCP nodes are registered: it gets its access address, ConfigUrl, MetaDB proxy and MonitorDB
 * address
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/300.manage-multi-zone-parameters.md).
 * The executor applies them to every node as step {@link dev.ocpha.contracts.StepKinds#azParametersStepId}, as attempt
 * {@code attempt} (1, or more when a deployment whose AZ activation failed is retried), with the deployment's
 * {@code installerProfile}.
 */
public record AzAssigned(String deploymentId, String cluster, String az, List<AzNode> ocpNodes, String accessAddress,
                         String configUrl, String metaDbProxy, String monitorDbAddress, String container,
                         String adminPasswordRef, int attempt, String installerProfile) implements TopologyEvent {
}
