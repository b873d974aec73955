package dev.ocpha.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An OCP-Server node: where it runs, how to reach it over SSH, and whether it is registered. */
@Entity
@Table(name = "ocp_node")
public class OcpNodeEntity extends PanacheEntityBase {

    public static final String PLANNED = "PLANNED";
    public static final String REGISTERED = "REGISTERED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String cluster;
    public String host;
    public String address;
    @Column(name = "ssh_port")
    public int sshPort;
    @Column(name = "ssh_user")
    public String sshUser;
    @Column(name = "credential_ref")
    public String credentialRef;
    public String region;
    public String idc;
    public String az;
    /** The OCP container's name on the host. */
    public String container;
    @Column(name = "http_port")
    public int httpPort;
    public String status;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    public boolean registered() {
        return REGISTERED.equals(status);
    }

    public String url() {
        return "http://" + address + ":" + httpPort;
    }

    public static List<OcpNodeEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }

    public static List<OcpNodeEntity> ofCluster(UUID deploymentId, String cluster) {
        return list("deploymentId = ?1 and cluster = ?2 order by id", deploymentId, cluster);
    }

    public static OcpNodeEntity find(UUID deploymentId, String host) {
        return find("deploymentId = ?1 and host = ?2", deploymentId, host).firstResult();
    }
}
