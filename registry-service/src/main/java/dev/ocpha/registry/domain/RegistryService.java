package dev.ocpha.registry.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.SecretKeys;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.AzActivated;
import dev.ocpha.contracts.events.AzActivationFailed;
import dev.ocpha.contracts.events.AzAssigned;
import dev.ocpha.contracts.events.ClusterActivated;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.DeploymentRetried;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.StandbyBindingFailed;
import dev.ocpha.contracts.events.StandbyBound;
import dev.ocpha.contracts.events.StandbyRegistrationRequested;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.AzNode;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.platform.messaging.Outbox;
import dev.ocpha.registry.persistence.AvailabilityZoneEntity;
import dev.ocpha.registry.persistence.BindingEntity;
import dev.ocpha.registry.persistence.IdcEntity;
import dev.ocpha.registry.persistence.MetaDbReplicaEntity;
import dev.ocpha.registry.persistence.OcpClusterEntity;
import dev.ocpha.registry.persistence.OcpNodeEntity;
import dev.ocpha.registry.persistence.RegistryDeploymentEntity;
import dev.ocpha.registry.persistence.StepFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the topology facts of every deployment and reacts to them (docs/adr/0001-deployment-flow.md): nodes are
 * registered once installed and healthy, AZs get their OCP and parameters, a ready standby is registered to the
 * active primary. Every fact re-evaluates the deployment from this service's own tables, so the order in which the
 * facts of different clusters arrive does not matter; one deployment's facts are handled one at a time.
 */
@ApplicationScoped
public class RegistryService {

    private static final Logger LOG = Logger.getLogger(RegistryService.class);
    /** Planned steps that come after a node's registration, so they never hold it back. */
    private static final Set<String> AFTER_REGISTRATION =
            Set.of(StepKinds.REMOVE_OCP, StepKinds.REMOVE_METADB);
    private static final String PRIMARY = "PRIMARY";

    private final StepFacts steps;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public RegistryService(StepFacts steps, Outbox outbox, ObjectMapper mapper) {
        this.steps = steps;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void onDeploymentPlanned(DeploymentPlanned event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        steps.lock(deploymentId);
        if (RegistryDeploymentEntity.findById(deploymentId) != null) {
            return;
        }
        RegistryDeploymentEntity deployment = new RegistryDeploymentEntity();
        deployment.id = deploymentId;
        deployment.name = event.name();
        deployment.modes = String.join(",", event.modes());
        deployment.ocpVersion = event.ocpVersion();
        deployment.installerProfile = event.installerProfile();
        deployment.secretRefs = toJson(event.secretRefs() == null ? Map.of() : event.secretRefs());
        deployment.plannedAt = OffsetDateTime.now();
        deployment.persist();

        Map<String, Map<String, String>> installParameters = new HashMap<>();
        for (PlannedStep step : event.steps()) {
            steps.planned(deploymentId, step.stepId(), step.host(), step.kind());
            if (StepKinds.INSTALL_OCP.equals(step.kind())) {
                installParameters.putIfAbsent(step.host(), step.parameters() == null ? Map.of() : step.parameters());
            }
        }
        Map<String, String> azOfIdc = new HashMap<>();
        for (PlannedAz az : event.azs()) {
            az.idcs().forEach(idc -> azOfIdc.put(idc, az.name()));
            persistAz(deploymentId, az);
        }
        for (PlannedCluster cluster : event.clusters()) {
            persistCluster(deploymentId, event.ocpVersion(), cluster, cluster.hosts().stream()
                    .map(installParameters::get).filter(p -> p != null).findFirst().orElse(Map.of()));
        }
        for (PlannedHost host : event.hosts()) {
            String az = host.az() != null ? host.az() : azOfIdc.get(host.idc());
            persistIdc(deploymentId, host.idc(), host.region(), az);
            if (host.roles().contains(HostRoles.METADB)) {
                MetaDbReplicaEntity replica = new MetaDbReplicaEntity();
                replica.deploymentId = deploymentId;
                replica.cluster = host.cluster();
                replica.host = host.name();
                replica.az = az;
                replica.persist();
            }
            if (host.roles().contains(HostRoles.OCP_SERVER)) {
                persistNode(deploymentId, host, az, installParameters.getOrDefault(host.name(), Map.of()));
            }
        }
        azOfIdc.forEach((idc, az) -> persistIdc(deploymentId, idc, null, az));
        LOG.infof("deployment %s planned: %d clusters, %d AZs", deploymentId, event.clusters().size(),
                event.azs().size());
        evaluate(deployment);
    }

    public void onStepSucceeded(StepSucceeded event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        steps.lock(deploymentId);
        steps.succeeded(deploymentId, event.stepId(), event.host(), event.kind());
        if (StepKinds.REGISTER_STANDBY.equals(event.kind())) {
            BindingEntity binding = bindingOf(deploymentId, event.stepId());
            if (binding != null && BindingEntity.REQUESTED.equals(binding.status)) {
                binding.status = BindingEntity.BOUND;
                binding.boundAt = OffsetDateTime.now();
                binding.heartbeatAt = binding.boundAt;
                outbox.append(new StandbyBound(event.deploymentId(), binding.standbyCluster, binding.primaryCluster));
                LOG.infof("standby %s is bound to primary %s", binding.standbyCluster, binding.primaryCluster);
            }
        }
        RegistryDeploymentEntity deployment = RegistryDeploymentEntity.findById(deploymentId);
        if (deployment != null) {
            evaluate(deployment);
        }
    }

    public void onStepFailed(StepFailed event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        steps.lock(deploymentId);
        if (StepKinds.REGISTER_STANDBY.equals(event.kind())) {
            BindingEntity binding = bindingOf(deploymentId, event.stepId());
            if (binding != null && BindingEntity.REQUESTED.equals(binding.status)) {
                binding.status = BindingEntity.FAILED;
                binding.failureReason = event.reason();
                cluster(deploymentId, binding.standbyCluster).status = ClusterStatus.FAILED.name();
                outbox.append(new StandbyBindingFailed(event.deploymentId(), binding.standbyCluster,
                        binding.primaryCluster, event.reason()));
                LOG.warnf("standby %s could not be bound: %s", binding.standbyCluster, event.reason());
            }
        } else if (StepKinds.APPLY_AZ_PARAMETERS.equals(event.kind())) {
            AvailabilityZoneEntity az = azOfStep(deploymentId, event.stepId());
            if (az != null && AvailabilityZoneEntity.ASSIGNED.equals(az.status)) {
                az.status = AvailabilityZoneEntity.FAILED;
                az.failureReason = event.reason();
                outbox.append(new AzActivationFailed(event.deploymentId(), az.cluster, az.name, event.host(),
                        event.reason()));
                LOG.warnf("AZ %s could not be activated: %s", az.name, event.reason());
            }
        }
    }

    /**
     * An operator retried the deployment: each failed standby registration and AZ activation is asked for again, as
     * the next attempt of its step (the failed one stays in the executor's history).
     */
    public void onDeploymentRetried(DeploymentRetried event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        steps.lock(deploymentId);
        RegistryDeploymentEntity deployment = RegistryDeploymentEntity.findById(deploymentId);
        if (deployment == null) {
            return;
        }
        List<OcpClusterEntity> clusters = OcpClusterEntity.ofDeployment(deploymentId);
        OcpClusterEntity primary = clusters.stream().filter(OcpClusterEntity::isPrimary).findFirst().orElse(null);
        for (BindingEntity binding : BindingEntity.ofDeployment(deploymentId)) {
            if (primary == null || !BindingEntity.FAILED.equals(binding.status)) {
                continue;
            }
            binding.status = BindingEntity.REQUESTED;
            binding.failureReason = null;
            binding.attempt++;
            binding.requestedAt = OffsetDateTime.now();
            cluster(deploymentId, binding.standbyCluster).status = ClusterStatus.READY.name();
            publishRegistrationRequest(deployment, binding, primary);
            LOG.infof("deployment retried: registration of standby %s requested again (attempt %d)",
                    binding.standbyCluster, binding.attempt);
        }
        List<OcpNodeEntity> nodes = OcpNodeEntity.ofDeployment(deploymentId);
        for (AvailabilityZoneEntity az : AvailabilityZoneEntity.ofDeployment(deploymentId)) {
            if (!AvailabilityZoneEntity.FAILED.equals(az.status)) {
                continue;
            }
            az.status = AvailabilityZoneEntity.ASSIGNED;
            az.failureReason = null;
            az.attempt++;
            publishAssignment(deployment, az, nodes.stream().filter(node -> az.name.equals(node.az)).toList());
            LOG.infof("deployment retried: parameters of AZ %s asked for again (attempt %d)", az.name, az.attempt);
        }
        evaluate(deployment);
    }

    /** Applies every transition the deployment's facts now allow, until none is left. */
    private void evaluate(RegistryDeploymentEntity deployment) {
        boolean changed = true;
        while (changed) {
            changed = registerNodes(deployment) | assignAzs(deployment) | activateClusters(deployment)
                    | requestBindings(deployment);
        }
    }

    private boolean registerNodes(RegistryDeploymentEntity deployment) {
        boolean changed = false;
        for (OcpNodeEntity node : OcpNodeEntity.ofDeployment(deployment.id)) {
            if (node.registered() || !steps.anyPlanned(deployment.id, node.host)
                    || !AFTER_REGISTRATION.containsAll(steps.pendingKinds(deployment.id, node.host))) {
                continue;
            }
            node.status = OcpNodeEntity.REGISTERED;
            node.registeredAt = OffsetDateTime.now();
            outbox.append(new NodeRegistered(deployment.id.toString(), node.cluster, node.host, node.az, node.url()));
            LOG.infof("OCP node %s of cluster %s registered", node.host, node.cluster);
            changed = true;
        }
        return changed;
    }

    private boolean assignAzs(RegistryDeploymentEntity deployment) {
        boolean changed = false;
        List<OcpNodeEntity> nodes = OcpNodeEntity.ofDeployment(deployment.id);
        for (AvailabilityZoneEntity az : AvailabilityZoneEntity.ofDeployment(deployment.id)) {
            List<OcpNodeEntity> azNodes = nodes.stream().filter(node -> az.name.equals(node.az)).toList();
            if (azNodes.isEmpty()) {
                continue;
            }
            if (AvailabilityZoneEntity.PLANNED.equals(az.status) && azNodes.stream().allMatch(OcpNodeEntity::registered)) {
                az.status = AvailabilityZoneEntity.ASSIGNED;
                az.assignedAt = OffsetDateTime.now();
                publishAssignment(deployment, az, azNodes);
                LOG.infof("AZ %s assigned its OCP at %s", az.name, az.accessAddress);
                changed = true;
            } else if (AvailabilityZoneEntity.ASSIGNED.equals(az.status) && azNodes.stream().allMatch(node ->
                    steps.hasSucceeded(deployment.id, StepKinds.azParametersStepId(az.name, node.host)))) {
                az.status = AvailabilityZoneEntity.ACTIVE;
                az.activatedAt = OffsetDateTime.now();
                outbox.append(new AzActivated(deployment.id.toString(), az.cluster, az.name, az.accessAddress));
                LOG.infof("AZ %s is active", az.name);
                changed = true;
            }
        }
        return changed;
    }

    private boolean activateClusters(RegistryDeploymentEntity deployment) {
        boolean changed = false;
        List<AvailabilityZoneEntity> azs = AvailabilityZoneEntity.ofDeployment(deployment.id);
        for (OcpClusterEntity cluster : OcpClusterEntity.ofDeployment(deployment.id)) {
            List<OcpNodeEntity> nodes = OcpNodeEntity.ofCluster(deployment.id, cluster.name);
            if (ClusterStatus.PLANNED.name().equals(cluster.status) && !nodes.isEmpty()
                    && nodes.stream().allMatch(OcpNodeEntity::registered)) {
                cluster.status = ClusterStatus.READY.name();
                changed = true;
            }
            if (!ClusterStatus.READY.name().equals(cluster.status)) {
                continue;
            }
            boolean azsActive = azs.stream().filter(az -> az.cluster.equals(cluster.name))
                    .allMatch(az -> AvailabilityZoneEntity.ACTIVE.equals(az.status));
            BindingEntity binding = BindingEntity.find(deployment.id, cluster.name);
            boolean bound = cluster.isPrimary() || (binding != null && BindingEntity.BOUND.equals(binding.status));
            if (azsActive && bound) {
                cluster.status = ClusterStatus.ACTIVE.name();
                cluster.activatedAt = OffsetDateTime.now();
                outbox.append(new ClusterActivated(deployment.id.toString(), cluster.name, cluster.role));
                LOG.infof("%s cluster %s is active", cluster.role.toLowerCase(), cluster.name);
                changed = true;
            }
        }
        return changed;
    }

    /** A ready standby is registered to the primary once the primary is active; there is only one primary. */
    private boolean requestBindings(RegistryDeploymentEntity deployment) {
        List<OcpClusterEntity> clusters = OcpClusterEntity.ofDeployment(deployment.id);
        OcpClusterEntity primary = clusters.stream().filter(OcpClusterEntity::isPrimary).findFirst().orElse(null);
        if (primary == null || !ClusterStatus.ACTIVE.name().equals(primary.status)) {
            return false;
        }
        boolean changed = false;
        for (OcpClusterEntity standby : clusters) {
            if (standby.isPrimary() || !ClusterStatus.READY.name().equals(standby.status)
                    || BindingEntity.find(deployment.id, standby.name) != null) {
                continue;
            }
            BindingEntity binding = new BindingEntity();
            binding.deploymentId = deployment.id;
            binding.standbyCluster = standby.name;
            binding.primaryCluster = primary.name;
            binding.status = BindingEntity.REQUESTED;
            binding.requestedAt = OffsetDateTime.now();
            binding.persist();
            publishRegistrationRequest(deployment, binding, primary);
            LOG.infof("standby %s is ready and primary %s active: registration requested", standby.name, primary.name);
            changed = true;
        }
        return changed;
    }

    private void persistCluster(UUID deploymentId, String version, PlannedCluster planned, Map<String, String> install) {
        OcpClusterEntity cluster = new OcpClusterEntity();
        cluster.id = UUID.randomUUID();
        cluster.deploymentId = deploymentId;
        cluster.name = planned.name();
        cluster.role = planned.role();
        cluster.clusterId = planned.clusterId();
        cluster.multiCluster = planned.multiCluster();
        cluster.version = version;
        cluster.region = planned.region();
        cluster.accessAddress = planned.accessAddress();
        cluster.metaDbCluster = planned.metaDbClusterName();
        cluster.metaDbHost = install.get("metaDbHost");
        cluster.metaDbPort = install.containsKey("metaDbPort") ? Integer.valueOf(install.get("metaDbPort")) : null;
        cluster.metaDbUser = install.get("metaDbUser");
        cluster.metaDbDatabase = install.get("metaDbDatabase");
        cluster.status = ClusterStatus.PLANNED.name();
        cluster.persist();
    }

    private static void persistNode(UUID deploymentId, PlannedHost host, String az, Map<String, String> install) {
        OcpNodeEntity node = new OcpNodeEntity();
        node.deploymentId = deploymentId;
        node.cluster = host.cluster();
        node.host = host.name();
        node.address = host.access().address();
        node.sshPort = host.access().sshPort();
        node.sshUser = host.access().user();
        node.credentialRef = host.access().credentialRef();
        node.region = host.region();
        node.idc = host.idc();
        node.az = az;
        node.container = install.getOrDefault("container", "ocp");
        node.httpPort = Integer.parseInt(install.getOrDefault("httpPort", "8080"));
        node.status = OcpNodeEntity.PLANNED;
        node.persist();
    }

    private static void persistAz(UUID deploymentId, PlannedAz planned) {
        AvailabilityZoneEntity az = new AvailabilityZoneEntity();
        az.deploymentId = deploymentId;
        az.cluster = planned.cluster();
        az.name = planned.name();
        az.idcs = String.join(",", planned.idcs());
        az.accessAddress = url(planned.accessAddress());
        // the ConfigUrl service runs inside OCP unless deployed separately, so it shares the address: an empty
        // ocp.config-url.site.url means ocp.site.url
        // (oceanbase/ocp-doc@V4.2.2:zh-CN/1600.system-management-features/300.manage-system-parameter/300.ocp-configuration-parameters.md)
        az.configUrl = az.accessAddress;
        az.metaDbProxy = planned.metaDbProxy();
        az.monitorDbAddress = planned.metaDbProxy();
        az.status = AvailabilityZoneEntity.PLANNED;
        az.persist();
    }

    private static void persistIdc(UUID deploymentId, String name, String region, String az) {
        if (name == null) {
            return;
        }
        IdcEntity idc = IdcEntity.find("deploymentId = ?1 and name = ?2", deploymentId, name).firstResult();
        if (idc == null) {
            idc = new IdcEntity();
            idc.deploymentId = deploymentId;
            idc.name = name;
            idc.persist();
        }
        idc.region = idc.region != null ? idc.region : region;
        idc.az = idc.az != null ? idc.az : az;
    }

    private static String url(String address) {
        return address == null || address.contains("://") ? address : "http://" + address;
    }

    private static HostAccess access(OcpNodeEntity node) {
        return new HostAccess(node.address, node.sshPort, node.sshUser, node.credentialRef);
    }

    private void publishAssignment(RegistryDeploymentEntity deployment, AvailabilityZoneEntity az,
                                   List<OcpNodeEntity> azNodes) {
        outbox.append(new AzAssigned(deployment.id.toString(), az.cluster, az.name,
                azNodes.stream().map(node -> new AzNode(node.host, access(node))).toList(), az.accessAddress,
                az.configUrl, az.metaDbProxy, az.monitorDbAddress, azNodes.get(0).container,
                secretRef(deployment, SecretKeys.OCP_ADMIN), az.attempt, deployment.installerProfile));
    }

    private void publishRegistrationRequest(RegistryDeploymentEntity deployment, BindingEntity binding,
                                            OcpClusterEntity primary) {
        OcpNodeEntity node = OcpNodeEntity.ofCluster(deployment.id, binding.standbyCluster).get(0);
        outbox.append(new StandbyRegistrationRequested(deployment.id.toString(), binding.standbyCluster, primary.name,
                primary.metaDbHost + ":" + primary.metaDbPort, primary.metaDbUser, primary.metaDbDatabase,
                secretRef(deployment, SecretKeys.META_TENANT), node.host, access(node), node.container,
                binding.attempt, deployment.installerProfile, secretRef(deployment, SecretKeys.OCP_ADMIN)));
    }

    private static OcpClusterEntity cluster(UUID deploymentId, String name) {
        return OcpClusterEntity.find("deploymentId = ?1 and name = ?2", deploymentId, name).firstResult();
    }

    private static BindingEntity bindingOf(UUID deploymentId, String stepId) {
        return OcpClusterEntity.ofDeployment(deploymentId).stream()
                .filter(cluster -> StepKinds.registerStandbyStepId(cluster.name).equals(stepId))
                .map(cluster -> BindingEntity.find(deploymentId, cluster.name))
                .filter(binding -> binding != null).findFirst().orElse(null);
    }

    private static AvailabilityZoneEntity azOfStep(UUID deploymentId, String stepId) {
        List<OcpNodeEntity> nodes = OcpNodeEntity.ofDeployment(deploymentId);
        return AvailabilityZoneEntity.ofDeployment(deploymentId).stream()
                .filter(az -> nodes.stream().anyMatch(node -> StepKinds.azParametersStepId(az.name, node.host).equals(stepId)))
                .findFirst().orElse(null);
    }

    private String secretRef(RegistryDeploymentEntity deployment, String key) {
        try {
            return mapper.readValue(deployment.secretRefs, new TypeReference<Map<String, String>>() { }).get(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored secret references are unreadable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
