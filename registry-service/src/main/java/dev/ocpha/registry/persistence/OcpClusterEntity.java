package dev.ocpha.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An OCP cluster: PRIMARY (LEADER) or STANDBY (FOLLOWER), and the MetaDB its OCP was started with. */
@Entity
@Table(name = "ocp_cluster")
public class OcpClusterEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String name;
    /** PRIMARY or STANDBY, as planned. */
    public String role;
    @Column(name = "cluster_id")
    public int clusterId;
    @Column(name = "multi_cluster")
    public boolean multiCluster;
    public String version;
    public String region;
    @Column(name = "access_address")
    public String accessAddress;
    @Column(name = "metadb_cluster")
    public String metaDbCluster;
    @Column(name = "metadb_host")
    public String metaDbHost;
    @Column(name = "metadb_port")
    public Integer metaDbPort;
    @Column(name = "metadb_user")
    public String metaDbUser;
    @Column(name = "metadb_database")
    public String metaDbDatabase;
    /** {@link dev.ocpha.registry.domain.ClusterStatus}. */
    public String status;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;

    public boolean isPrimary() {
        return "PRIMARY".equals(role);
    }

    public static List<OcpClusterEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by clusterId, name", deploymentId);
    }

    public static List<OcpClusterEntity> all() {
        return list("order by name, id");
    }
}
