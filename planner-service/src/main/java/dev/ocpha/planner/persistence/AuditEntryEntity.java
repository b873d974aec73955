package dev.ocpha.planner.persistence;

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

/** An operator action on a deployment (deploy, retry, skip, cancel, teardown), who did it and why. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public OffsetDateTime at;
    public String action;
    public String target;
    public String reason;
    @Column(name = "correlation_id")
    public String correlationId;
    /** Who did it: the API token's name, or the identity provider's subject. */
    public String actor;

    public static List<AuditEntryEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }
}
