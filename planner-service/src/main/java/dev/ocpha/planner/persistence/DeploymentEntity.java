package dev.ocpha.planner.persistence;

import dev.ocpha.planner.domain.DeploymentStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "deployment")
public class DeploymentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String mode;
    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;
    /** The topology as submitted (JSON), for the record and for re-planning. */
    public String topology;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
