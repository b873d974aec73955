package dev.ocpha.executor.persistence;

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
@Table(name = "step_run")
public class StepRunEntity extends PanacheEntityBase {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    /** An operator action asked for and not yet reported done: no owner, no lease. */
    public static final String AWAITING_OPERATOR = "AWAITING_OPERATOR";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "step_id")
    public String stepId;
    public int attempt;
    public String kind;
    public String host;
    /** {@code address:port}: the machine, whatever a deployment calls it. */
    @Column(name = "host_key")
    public String hostKey;
    public boolean mutating;
    /** The step command as received (JSON of StepRequested; it holds references, never secrets). */
    public String command;
    public String status;
    /** The executor holding (or last holding) the run. */
    @Column(name = "executor_id")
    public String executorId;
    @Column(name = "accepted_by")
    public String acceptedBy;
    @Column(name = "lease_expires_at")
    public OffsetDateTime leaseExpiresAt;
    public int tries;
    public int takeovers;
    public Boolean retryable;
    @Column(name = "duration_ms")
    public Long durationMillis;
    @Column(name = "correlation_id")
    public String correlationId;
    /** The step command's event id: the cause of this run's outcome events. */
    @Column(name = "causation_id")
    public String causationId;
    @Column(name = "exit_status")
    public Integer exitStatus;
    @Column(name = "output_tail")
    public String outputTail;
    public String error;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "action_id")
    public String actionId;
    @Column(name = "action_requested_at")
    public OffsetDateTime actionRequestedAt;
    @Column(name = "action_completed_at")
    public OffsetDateTime actionCompletedAt;
    @Column(name = "action_completed_by")
    public String actionCompletedBy;
    @Column(name = "action_note")
    public String actionNote;

    public static StepRunEntity find(UUID deploymentId, String stepId, int attempt) {
        return find("deploymentId = ?1 and stepId = ?2 and attempt = ?3", deploymentId, stepId, attempt).firstResult();
    }

    public static List<StepRunEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }
}
