package dev.ocpha.planner.api;

import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.StepEntity;
import java.time.OffsetDateTime;
import java.util.List;

/** A deployment as the API shows it: status and every step with its attempts, timing and last error. */
public record DeploymentView(String id, String name, String mode, String status, String failureReason,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt,
                             List<StepView> steps) {

    public record StepView(String stepId, String phase, String kind, String host, String description,
                           List<String> dependsOn, String status, int attempts, String lastError, String executorId,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    static DeploymentView of(DeploymentEntity deployment, List<StepEntity> steps) {
        return new DeploymentView(deployment.id.toString(), deployment.name, deployment.mode, deployment.status.name(),
                deployment.failureReason, deployment.createdAt, deployment.updatedAt, deployment.finishedAt,
                steps.stream().map(s -> new StepView(s.stepId, s.phase, s.kind, s.host, s.description,
                        s.dependsOnList(), s.status.name(), s.attempts, s.lastError, s.executorId, s.startedAt,
                        s.finishedAt)).toList());
    }
}
