package dev.ocpha.registry.domain;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.platform.messaging.Outbox;
import dev.ocpha.registry.persistence.NodeSteps;
import dev.ocpha.registry.persistence.OcpClusterEntity;
import dev.ocpha.registry.persistence.OcpNodeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the topology facts and reacts to them. A node is registered once every planned step on its host has
 * succeeded, whichever of the plan and the step outcomes arrives first.
 */
@ApplicationScoped
public class RegistryService {

    private static final Logger LOG = Logger.getLogger(RegistryService.class);

    private final NodeSteps nodeSteps;
    private final Outbox outbox;

    public RegistryService(NodeSteps nodeSteps, Outbox outbox) {
        this.nodeSteps = nodeSteps;
        this.outbox = outbox;
    }

    public void onDeploymentPlanned(DeploymentPlanned event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        for (PlannedCluster planned : event.clusters()) {
            OcpClusterEntity cluster = new OcpClusterEntity();
            cluster.deploymentId = deploymentId;
            cluster.name = planned.name();
            cluster.role = planned.role();
            cluster.persist();
        }
        Map<String, PlannedHost> ocpHosts = event.hosts().stream()
                .filter(host -> host.roles().contains(HostRoles.OCP_SERVER))
                .collect(Collectors.toMap(PlannedHost::name, Function.identity()));
        for (PlannedHost host : ocpHosts.values()) {
            OcpNodeEntity node = new OcpNodeEntity();
            node.deploymentId = deploymentId;
            node.cluster = host.cluster();
            node.host = host.name();
            node.address = host.access().address();
            node.az = host.az();
            node.status = OcpNodeEntity.PLANNED;
            node.persist();
        }
        for (PlannedStep step : event.steps()) {
            if (ocpHosts.containsKey(step.host())) {
                nodeSteps.planned(deploymentId, step.host(), step.stepId());
            }
        }
        ocpHosts.keySet().forEach(host -> registerIfInstalled(deploymentId, host));
    }

    public void onStepSucceeded(StepSucceeded event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        nodeSteps.succeeded(deploymentId, event.host(), event.stepId());
        registerIfInstalled(deploymentId, event.host());
    }

    private void registerIfInstalled(UUID deploymentId, String host) {
        OcpNodeEntity node = OcpNodeEntity.find(deploymentId, host);
        if (node == null || OcpNodeEntity.REGISTERED.equals(node.status) || !nodeSteps.allSucceeded(deploymentId, host)) {
            return;
        }
        node.status = OcpNodeEntity.REGISTERED;
        node.registeredAt = OffsetDateTime.now();
        outbox.append(new NodeRegistered(deploymentId.toString(), node.cluster, node.host, node.az,
                "http://" + node.address + ":8080"));
        LOG.infof("OCP node %s of cluster %s registered", node.host, node.cluster);
    }
}
