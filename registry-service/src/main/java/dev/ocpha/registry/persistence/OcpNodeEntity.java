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
    public String az;
    public String status;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    public static List<OcpNodeEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }

    public static OcpNodeEntity find(UUID deploymentId, String host) {
        return find("deploymentId = ?1 and host = ?2", deploymentId, host).firstResult();
    }
}
