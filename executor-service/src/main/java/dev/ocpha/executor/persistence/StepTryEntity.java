package dev.ocpha.executor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One try of a step attempt (read side; {@link StepRuns} writes them). */
@Entity
@Table(name = "step_try")
public class StepTryEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "run_id")
    public long runId;
    @Column(name = "try")
    public int tryNumber;
    @Column(name = "executor_id")
    public String executorId;
    @Column(name = "exit_status")
    public Integer exitStatus;
    public String error;
    public Boolean retryable;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "duration_ms")
    public long durationMillis;

    public static List<StepTryEntity> ofRun(long runId) {
        return list("runId = ?1 order by id", runId);
    }
}
