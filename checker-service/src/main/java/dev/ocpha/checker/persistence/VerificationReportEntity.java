package dev.ocpha.checker.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "verification_report")
public class VerificationReportEntity extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String status;
    /** The VerificationRequested event as JSON: secret references only. */
    public String request;
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "causation_id")
    public String causationId;
    public Boolean passed;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public static List<VerificationReportEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by startedAt desc, id", deploymentId);
    }

    public static List<VerificationReportEntity> running() {
        return list("status", RUNNING);
    }
}
