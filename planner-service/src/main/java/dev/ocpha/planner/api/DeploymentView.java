package dev.ocpha.planner.api;

import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.ExpectedFactEntity;
import dev.ocpha.planner.persistence.OperatorActionEntity;
import dev.ocpha.planner.persistence.StepEntity;
import dev.ocpha.planner.planning.Plan;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment as the API shows it: status, failure, phases with every step (attempts, timing, last error,
 * executor), the registry facts it waits for, and the operator actions its steps asked for (a step asked for by
 * the registry, such as a standby's registration, appears there only).
 */
public record DeploymentView(String id, String name, List<String> modes, String status, String failedStage,
                             String failureReason, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                             OffsetDateTime finishedAt, int estimatedSeconds, List<PhaseView> phases,
                             List<FactView> facts, List<ActionView> operatorActions) {

    public record PhaseView(String name, String description, String status, List<String> gates, List<StepView> steps) {
    }

    public record StepView(String stepId, String kind, String host, String cluster, String description,
                           List<String> dependsOn, List<String> awaitsFacts, String status, int attempts,
                           String lastError, String executorId, String skipReason, OffsetDateTime requestedAt,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMillis) {

        static StepView of(StepEntity s) {
            Long duration = s.startedAt != null && s.finishedAt != null
                    ? Duration.between(s.startedAt, s.finishedAt).toMillis() : null;
            return new StepView(s.stepId, s.kind, s.host, s.cluster, s.description, s.dependsOnList(),
                    s.awaitsFactsList(), s.status.name(), s.attempts, s.lastError, s.executorId, s.skipReason,
                    s.requestedAt, s.startedAt, s.finishedAt, duration);
        }
    }

    public record FactView(String fact, boolean known, OffsetDateTime knownAt) {
    }

    static DeploymentView of(DeploymentEntity deployment, Plan plan, List<StepEntity> steps,
                             List<ExpectedFactEntity> facts, List<OperatorActionEntity> actions) {
        List<Plan.Phase> phases = new ArrayList<>(plan.phases());
        if (steps.stream().anyMatch(s -> s.phase.equals(Plan.TEARDOWN))) {
            phases.add(new Plan.Phase(Plan.TEARDOWN,
                    "Remove the OCP containers, then each MetaDB (OBProxy, observer, packages; directories emptied)",
                    List.of(), List.of()));
        }
        List<PhaseView> views = phases.stream().map(phase -> {
            List<StepView> own = steps.stream().filter(s -> s.phase.equals(phase.name())).map(StepView::of).toList();
            return new PhaseView(phase.name(), phase.description(), phaseStatus(own), phase.gates(), own);
        }).toList();
        return new DeploymentView(deployment.id.toString(), deployment.name, List.of(deployment.modes.split(",")),
                deployment.status.name(), deployment.failedStage == null ? null : deployment.failedStage.name(),
                deployment.failureReason, deployment.createdAt, deployment.updatedAt, deployment.finishedAt,
                plan.criticalPath().estimatedSeconds(), views,
                facts.stream().map(f -> new FactView(f.fact, f.known, f.knownAt)).toList(),
                actions.stream().map(ActionView::of).toList());
    }

    /** FAILED if a step failed, DONE when all are done, RUNNING when any started, else PENDING. */
    private static String phaseStatus(List<StepView> steps) {
        if (steps.stream().anyMatch(s -> s.status().equals("FAILED"))) {
            return "FAILED";
        }
        if (!steps.isEmpty() && steps.stream().allMatch(s -> s.status().equals("SUCCEEDED")
                || s.status().equals("SKIPPED"))) {
            return "DONE";
        }
        return steps.stream().anyMatch(s -> !s.status().equals("PENDING")) ? "RUNNING" : "PENDING";
    }
}
