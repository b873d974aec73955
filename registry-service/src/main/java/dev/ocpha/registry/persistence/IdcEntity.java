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

/** An IDC (machine room), its region, and the AZ it is mapped to (none when it belongs to no AZ). */
@Entity
@Table(name = "idc")
public class IdcEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String name;
    public String region;
    public String az;

    public static List<IdcEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by name", deploymentId);
    }
}
