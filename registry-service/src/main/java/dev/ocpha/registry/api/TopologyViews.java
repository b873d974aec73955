package dev.ocpha.registry.api;

import dev.ocpha.registry.persistence.AvailabilityZoneEntity;
import dev.ocpha.registry.persistence.BindingEntity;
import dev.ocpha.registry.persistence.IdcEntity;
import dev.ocpha.registry.persistence.MetaDbReplicaEntity;
import dev.ocpha.registry.persistence.OcpClusterEntity;
import dev.ocpha.registry.persistence.OcpNodeEntity;
import dev.ocpha.registry.persistence.RegistryDeploymentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Builds the API views from the registry's tables. */
@ApplicationScoped
public class TopologyViews {

    public Views.ClusterSummary summary(OcpClusterEntity cluster) {
        int standbys = cluster.isPrimary() ? BindingEntity.ofDeployment(cluster.deploymentId).size() : 0;
        return new Views.ClusterSummary(cluster.id.toString(), cluster.deploymentId.toString(), cluster.name,
                cluster.role, multiClusterRole(cluster), cluster.version, cluster.status, cluster.region,
                accessAddress(cluster), OcpNodeEntity.ofCluster(cluster.deploymentId, cluster.name).size(), standbys);
    }

    public Views.ClusterDetails details(OcpClusterEntity cluster) {
        List<OcpClusterEntity> clusters = OcpClusterEntity.ofDeployment(cluster.deploymentId);
        OcpClusterEntity primary = clusters.stream().filter(OcpClusterEntity::isPrimary).findFirst().orElse(null);
        List<BindingEntity> bindings = BindingEntity.ofDeployment(cluster.deploymentId);
        BindingEntity own = bindings.stream().filter(b -> b.standbyCluster.equals(cluster.name)).findFirst().orElse(null);
        List<Views.Peer> standbys = cluster.isPrimary()
                ? clusters.stream().filter(c -> !c.isPrimary()).map(c -> peer(c, primary, bindings.stream()
                        .filter(b -> b.standbyCluster.equals(c.name)).findFirst().orElse(null))).toList()
                : List.of();
        Views.Peer primaryPeer = cluster.isPrimary() || primary == null ? null : peer(primary, primary, null);
        List<String> replicas = MetaDbReplicaEntity.ofDeployment(cluster.deploymentId).stream()
                .filter(r -> r.cluster.equals(cluster.name)).map(r -> r.host).toList();
        return new Views.ClusterDetails(cluster.id.toString(), cluster.deploymentId.toString(), cluster.name,
                cluster.role, multiClusterRole(cluster), cluster.clusterId, cluster.multiCluster, cluster.version,
                differs(cluster, primary), cluster.status, own == null ? null : own.heartbeatAt,
                own == null ? null : own.syncState, cluster.region, accessAddress(cluster),
                new Views.MetaDb(cluster.metaDbCluster, cluster.metaDbHost == null ? null
                        : cluster.metaDbHost + ":" + cluster.metaDbPort, replicas),
                OcpNodeEntity.ofCluster(cluster.deploymentId, cluster.name).stream().map(TopologyViews::node).toList(),
                primaryPeer, standbys);
    }

    public Views.AzList azs() {
        List<Views.Az> azs = AvailabilityZoneEntity.all().stream().map(this::az).toList();
        List<Views.Idc> orphans = IdcEntity.<IdcEntity>listAll().stream().filter(idc -> idc.az == null)
                .map(TopologyViews::idc).toList();
        return new Views.AzList(azs, orphans);
    }

    public Views.Topology topology(RegistryDeploymentEntity deployment) {
        UUID id = deployment.id;
        List<Views.ClusterDetails> clusters = OcpClusterEntity.ofDeployment(id).stream().map(this::details).toList();
        List<Views.Az> azs = AvailabilityZoneEntity.ofDeployment(id).stream().map(this::az).toList();
        return new Views.Topology(id.toString(), deployment.name, Arrays.asList(deployment.modes.split(",")),
                deployment.ocpVersion, clusters, azs,
                IdcEntity.ofDeployment(id).stream().map(TopologyViews::idc).toList(), placementProblems(id));
    }

    /**
     * Multi-AZ placement
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/100.multi-az-overview.md):
     * one MetaDB replica per AZ of a cluster, and an OCP node in every AZ.
     */
    private static List<String> placementProblems(UUID deploymentId) {
        List<String> problems = new ArrayList<>();
        List<MetaDbReplicaEntity> replicas = MetaDbReplicaEntity.ofDeployment(deploymentId);
        List<OcpNodeEntity> nodes = OcpNodeEntity.ofDeployment(deploymentId);
        for (AvailabilityZoneEntity az : AvailabilityZoneEntity.ofDeployment(deploymentId)) {
            long azReplicas = replicas.stream().filter(r -> az.name.equals(r.az) && az.cluster.equals(r.cluster)).count();
            if (azReplicas != 1) {
                problems.add("AZ " + az.name + " holds " + azReplicas + " MetaDB replicas of cluster " + az.cluster
                        + " instead of one");
            }
            if (nodes.stream().noneMatch(n -> az.name.equals(n.az))) {
                problems.add("AZ " + az.name + " has no OCP node");
            }
        }
        return problems;
    }

    private Views.Az az(AvailabilityZoneEntity az) {
        List<IdcEntity> idcs = IdcEntity.ofDeployment(az.deploymentId);
        return new Views.Az(az.deploymentId.toString(), az.cluster, az.name,
                az.idcList().stream().map(name -> idcs.stream().filter(i -> i.name.equals(name)).findFirst()
                        .map(TopologyViews::idc).orElse(new Views.Idc(name, null, az.name))).toList(),
                OcpNodeEntity.ofDeployment(az.deploymentId).stream().filter(n -> az.name.equals(n.az))
                        .map(TopologyViews::node).toList(),
                az.accessAddress, az.configUrl, az.monitorDbAddress, az.metaDbProxy,
                MetaDbReplicaEntity.ofDeployment(az.deploymentId).stream().filter(r -> az.name.equals(r.az))
                        .map(r -> r.host).toList(),
                az.status, az.failureReason);
    }

    private static Views.Peer peer(OcpClusterEntity cluster, OcpClusterEntity primary, BindingEntity binding) {
        return new Views.Peer(cluster.id.toString(), cluster.name, cluster.role, cluster.version,
                differs(cluster, primary), cluster.status, binding == null ? null : binding.status,
                binding == null ? null : binding.heartbeatAt, binding == null ? null : binding.syncState,
                accessAddress(cluster), binding == null ? null : binding.failureReason);
    }

    private static Views.Node node(OcpNodeEntity node) {
        return new Views.Node(node.host, node.address, node.url(), node.region, node.idc, node.az, node.status,
                node.registeredAt, node.verifiedAt);
    }

    private static Views.Idc idc(IdcEntity idc) {
        return new Views.Idc(idc.name, idc.region, idc.az);
    }

    private static boolean differs(OcpClusterEntity cluster, OcpClusterEntity primary) {
        return primary != null && !Objects.equals(cluster.version, primary.version);
    }

    /**
     * OCP's own words for the role in multi-cluster mode
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/900.multi-cluster-mode-switch.md).
     */
    private static String multiClusterRole(OcpClusterEntity cluster) {
        if (!cluster.multiCluster) {
            return "STANDALONE";
        }
        return cluster.isPrimary() ? "LEADER" : "FOLLOWER";
    }

    /** The planned access address, else the first node's URL. */
    private static String accessAddress(OcpClusterEntity cluster) {
        if (cluster.accessAddress != null) {
            return cluster.accessAddress;
        }
        return OcpNodeEntity.ofCluster(cluster.deploymentId, cluster.name).stream().findFirst()
                .map(OcpNodeEntity::url).orElse(null);
    }
}
