package dev.ocpha.planner.persistence;

import dev.ocpha.planner.domain.StepStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "step")
public class StepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "step_id")
    public String stepId;
    /** Position in the plan, for a stable listing. */
    public int seq;
    public String phase;
    public String kind;
    public String host;
    public String cluster;
    /** The step's parameters as a JSON object of strings (values and secret references, never secrets). */
    public String parameters;
    @Column(name = "timeout_seconds")
    public int timeoutSeconds;
    @Column(name = "max_tries")
    public int maxTries;
    public String description;
    /** Step ids this step waits for, comma-separated. */
    @Column(name = "depends_on")
    public String dependsOn;
    /** Registry facts this step waits for, comma-separated. */
    @Column(name = "awaits_facts")
    public String awaitsFacts;
    @Enumerated(EnumType.STRING)
    public StepStatus status;
    /** How many times the planner requested the step (the {@code attempt} of its latest request). */
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "executor_id")
    public String executorId;
    @Column(name = "skip_reason")
    public String skipReason;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public List<String> dependsOnList() {
        return split(dependsOn);
    }

    public List<String> awaitsFactsList() {
        return split(awaitsFacts);
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    public static List<StepEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by seq", deploymentId);
    }

    public static StepEntity find(UUID deploymentId, String stepId) {
        return find("deploymentId = ?1 and stepId = ?2", deploymentId, stepId).firstResult();
    }
}
