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

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String status;
    public String hosts;
    @Column(name = "correlation_id")
    public String correlationId;
    /** The event that asked for this run: the cause of its result event. */
    @Column(name = "causation_id")
    public String causationId;
    public Boolean passed;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public static CheckRunEntity ofDeployment(UUID deploymentId) {
        return find("deploymentId", deploymentId).firstResult();
    }

    public static List<CheckRunEntity> running() {
        return list("status", RUNNING);
    }
}
