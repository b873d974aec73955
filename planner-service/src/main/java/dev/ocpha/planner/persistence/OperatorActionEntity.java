package dev.ocpha.planner.persistence;

import dev.ocpha.planner.domain.OperatorActionStatus;
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
import java.util.List;
import java.util.UUID;

/** An operator action a step asked for: the instructions, and who completed it with what note. */
@Entity
@Table(name = "operator_action")
public class OperatorActionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "action_id")
    public String actionId;
    @Column(name = "step_id")
    public String stepId;
    public String kind;
    public String host;
    public String cluster;
    public int attempt;
    public String title;
    public String instructions;
    /** The values to enter, a JSON object of strings (secrets by reference only). */
    public String fields;
    public String source;
    @Enumerated(EnumType.STRING)
    public OperatorActionStatus status;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "completed_by")
    public String completedBy;
    public String note;
    /** Why the step failed after the completion, when it did. */
    public String outcome;

    public static List<OperatorActionEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }

    public static OperatorActionEntity find(UUID deploymentId, String actionId) {
        return find("deploymentId = ?1 and actionId = ?2", deploymentId, actionId).firstResult();
    }

    public static OperatorActionEntity ofStep(UUID deploymentId, String stepId, int attempt) {
        return find("deploymentId = ?1 and stepId = ?2 and attempt = ?3", deploymentId, stepId, attempt).firstResult();
    }
}
