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

/** A MetaDB replica: the host of one zone of a cluster's MetaDB, and the AZ that host is in. */
@Entity
@Table(name = "metadb_replica")
public class MetaDbReplicaEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String cluster;
    public String host;
    public String az;

    public static List<MetaDbReplicaEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }
}
