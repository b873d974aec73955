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
@Table(name = "check_run")
public class CheckRunEntity extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    /** A check of a planned deployment or a precheck. */
    public static final String CHECK = "CHECK";
    /** The same inventory checked again. */
    public static final String RECHECK = "RECHECK";
    /** The previous run's safe fixes applied, then the inventory checked again. */
    public static final String AUTOFIX = "AUTOFIX";

    @Id
    public UUID id;
    /** Null for a precheck asked over HTTP. */
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String kind;
    @Column(name = "previous_run_id")
    public UUID previousRunId;
    public String status;
    /** The inventory as JSON ({@code CheckInventory}): credential references only. */
    public String request;
    public String profile;
    public boolean strict;
    @Column(name = "auto_fix")
    public boolean autoFix;
    /** Who asked for the run: the API token's name, or {@code planner-service} for a deployment's check. */
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "correlation_id")
    public String correlationId;
    /** The event or request that asked for this run: the cause of its result events. */
    @Column(name = "causation_id")
    public String causationId;
    public Boolean passed;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public static List<CheckRunEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by startedAt desc, id", deploymentId);
    }

    public static List<CheckRunEntity> running() {
        return list("status", RUNNING);
    }
}
