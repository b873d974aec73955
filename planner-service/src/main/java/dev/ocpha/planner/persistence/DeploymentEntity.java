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
    /** Comma list of the topology's modes. */
    public String modes;
    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "failed_stage")
    public DeploymentStatus failedStage;
    @Column(name = "failure_reason")
    public String failureReason;
    /** The topology as accepted (JSON; secret references only). */
    public String topology;
    /** The plan (JSON), as {@code GET /deployments/{id}/plan} shows it. */
    public String plan;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "check_run_id")
    public String checkRunId;
    @Column(name = "check_passed")
    public Boolean checkPassed;
    /** The environment check's failures and warnings (JSON list of CheckResult). */
    @Column(name = "check_problems")
    public String checkProblems;
    @Column(name = "report_id")
    public String reportId;
    @Column(name = "verification_passed")
    public Boolean verificationPassed;
    /** The post-deployment check's items (JSON list of VerificationItem). */
    @Column(name = "verification_items")
    public String verificationItems;
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public static DeploymentEntity byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }
}
