package dev.ocpha.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "ocp_cluster")
public class OcpClusterEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String name;
    /** PRIMARY or STANDBY, as planned. */
    public String role;

    public static List<OcpClusterEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }
}
