package dev.ocpha.planner.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.Facts;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.DeploymentFailed;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.DeploymentSucceeded;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.ExpectedFactEntity;
import dev.ocpha.planner.persistence.StepEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The deployment use cases. The planner's state is a projection of the events it receives: each method is one
 * event's effect, committed together with the events it publishes through the outbox.
 */
@ApplicationScoped
public class DeploymentService {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class);

    private final DeploymentPlanner planner;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public DeploymentService(DeploymentPlanner planner, Outbox outbox, ObjectMapper mapper) {
        this.planner = planner;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional
    public DeploymentEntity create(Topology topology) {
        DeploymentPlanner.Plan plan = planner.plan(topology);
        OffsetDateTime now = OffsetDateTime.now();
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.id = UUID.randomUUID();
        deployment.name = topology.name();
        deployment.mode = topology.mode().name();
        deployment.status = DeploymentStatus.CHECKING_ENVIRONMENT;
        deployment.topology = toJson(topology);
        deployment.correlationId = Correlation.correlationId();
        deployment.createdAt = now;
        deployment.updatedAt = now;
        deployment.persist();
        int seq = 0;
        for (PlannedStep planned : plan.steps()) {
            StepEntity step = new StepEntity();
            step.deploymentId = deployment.id;
            step.stepId = planned.stepId();
            step.seq = seq++;
            step.phase = planned.phase();
            step.kind = planned.kind();
            step.host = planned.host();
            step.cluster = planned.cluster();
            step.parameters = toJson(planned.parameters());
            step.timeoutSeconds = planned.timeoutSeconds();
            step.maxTries = planned.maxTries();
            step.description = planned.description();
            step.dependsOn = String.join(",", planned.dependsOn());
            step.status = StepStatus.PENDING;
            step.persist();
        }
        for (PlannedHost host : plan.hosts()) {
            if (host.roles().contains(HostRoles.OCP_SERVER)) {
                ExpectedFactEntity fact = new ExpectedFactEntity();
                fact.deploymentId = deployment.id;
                fact.kind = ExpectedFactEntity.NODE_REGISTERED;
                fact.subject = host.name();
                fact.persist();
            }
        }
        List<String> facts = plan.hosts().stream().map(host -> Facts.nodeRegistered(host.name())).toList();
        outbox.append(new DeploymentPlanned(deployment.id.toString(), topology.name(), List.of(topology.mode().name()),
                topology.ocpVersion(), topology.sizingProfileOrDefault(), plan.clusters(), List.of(), plan.hosts(),
                plan.steps(), facts, Map.of()));
        outbox.append(new EnvironmentCheckRequested(deployment.id.toString(), topology.sizingProfileOrDefault(), false,
                plan.clusters(), plan.hosts()));
        LOG.infof("deployment %s (%s) planned with %d steps on %d hosts", deployment.id, deployment.name,
                plan.steps().size(), plan.hosts().size());
        return deployment;
    }

    public void onEnvironmentChecked(EnvironmentChecked event) {
        DeploymentEntity deployment = active(event.deploymentId());
        if (deployment == null || deployment.status != DeploymentStatus.CHECKING_ENVIRONMENT) {
            return;
        }
        if (!event.passed()) {
            String failures = event.problems().stream()
                    .filter(result -> "FAIL".equals(result.status()))
                    .map(DeploymentService::describe)
                    .collect(Collectors.joining("; "));
            fail(deployment, "environment check failed: " + failures, null);
            return;
        }
        deployment.status = DeploymentStatus.DEPLOYING;
        touch(deployment);
        requestReadySteps(deployment);
    }

    public void onStepStarted(StepStarted event) {
        StepEntity step = step(event.deploymentId(), event.stepId());
        if (step == null || step.status == StepStatus.SUCCEEDED || step.status == StepStatus.FAILED) {
            return;
        }
        step.status = StepStatus.RUNNING;
        step.attempts = Math.max(step.attempts, event.attempt());
        step.executorId = event.executorId();
        if (step.startedAt == null) {
            step.startedAt = OffsetDateTime.now();
        }
    }

    public void onStepSucceeded(StepSucceeded event) {
        StepEntity step = step(event.deploymentId(), event.stepId());
        if (step == null || step.status == StepStatus.SUCCEEDED) {
            return;
        }
        step.status = StepStatus.SUCCEEDED;
        step.attempts = Math.max(step.attempts, event.attempt());
        step.executorId = event.executorId();
        step.lastError = null;
        step.finishedAt = OffsetDateTime.now();
        DeploymentEntity deployment = active(event.deploymentId());
        if (deployment != null && deployment.status == DeploymentStatus.DEPLOYING) {
            requestReadySteps(deployment);
            completeIfDone(deployment);
        }
    }

    public void onStepFailed(StepFailed event) {
        StepEntity step = step(event.deploymentId(), event.stepId());
        if (step == null || step.status == StepStatus.SUCCEEDED) {
            return;
        }
        step.status = StepStatus.FAILED;
        step.attempts = Math.max(step.attempts, event.attempt());
        step.executorId = event.executorId();
        step.lastError = event.reason();
        step.finishedAt = OffsetDateTime.now();
        DeploymentEntity deployment = active(event.deploymentId());
        if (deployment != null) {
            fail(deployment, "step " + step.stepId + " failed on " + step.host + ": " + event.reason(), step.stepId);
        }
    }

    public void onNodeRegistered(NodeRegistered event) {
        DeploymentEntity deployment = active(event.deploymentId());
        if (deployment == null) {
            return;
        }
        ExpectedFactEntity fact = ExpectedFactEntity.find(deployment.id, ExpectedFactEntity.NODE_REGISTERED, event.host());
        if (fact != null) {
            fact.satisfied = true;
        }
        if (deployment.status == DeploymentStatus.DEPLOYING) {
            completeIfDone(deployment);
        }
    }

    private void requestReadySteps(DeploymentEntity deployment) {
        List<StepEntity> steps = StepEntity.ofDeployment(deployment.id);
        Set<String> done = steps.stream().filter(s -> s.status == StepStatus.SUCCEEDED).map(s -> s.stepId)
                .collect(Collectors.toSet());
        Map<String, HostAccess> access = hostsOf(deployment);
        for (StepEntity step : steps) {
            if (step.status == StepStatus.PENDING && done.containsAll(step.dependsOnList())) {
                step.status = StepStatus.REQUESTED;
                outbox.append(new StepRequested(deployment.id.toString(), step.stepId, step.kind, step.description,
                        step.host, step.cluster, access.get(step.host), parameters(step), step.timeoutSeconds, step.maxTries,
                        step.attempts + 1),
                        Topics.hostKey(deployment.id.toString(), step.host));
            }
        }
    }

    private void completeIfDone(DeploymentEntity deployment) {
        boolean allSucceeded = StepEntity.ofDeployment(deployment.id).stream()
                .allMatch(step -> step.status == StepStatus.SUCCEEDED);
        if (!allSucceeded || ExpectedFactEntity.unsatisfied(deployment.id) > 0) {
            return;
        }
        deployment.status = DeploymentStatus.SUCCEEDED;
        touch(deployment);
        deployment.finishedAt = deployment.updatedAt;
        long count = StepEntity.count("deploymentId", deployment.id);
        outbox.append(new DeploymentSucceeded(deployment.id.toString(), (int) count,
                Duration.between(deployment.createdAt, deployment.finishedAt).toMillis(), null));
        LOG.infof("deployment %s (%s) succeeded", deployment.id, deployment.name);
    }

    private void fail(DeploymentEntity deployment, String reason, String stepId) {
        deployment.status = DeploymentStatus.FAILED;
        deployment.failureReason = reason;
        touch(deployment);
        deployment.finishedAt = deployment.updatedAt;
        outbox.append(new DeploymentFailed(deployment.id.toString(), reason, stepId));
        LOG.warnf("deployment %s (%s) failed: %s", deployment.id, deployment.name, reason);
    }

    private Map<String, HostAccess> hostsOf(DeploymentEntity deployment) {
        Topology topology = fromJson(deployment.topology);
        return planner.plan(topology).hosts().stream()
                .collect(Collectors.toMap(PlannedHost::name, PlannedHost::access, (a, b) -> a));
    }

    private static DeploymentEntity active(String deploymentId) {
        DeploymentEntity deployment = DeploymentEntity.findById(UUID.fromString(deploymentId));
        return deployment == null || deployment.status.finished() ? null : deployment;
    }

    private static StepEntity step(String deploymentId, String stepId) {
        return StepEntity.find(UUID.fromString(deploymentId), stepId);
    }

    private static void touch(DeploymentEntity deployment) {
        deployment.updatedAt = OffsetDateTime.now();
    }

    private static String describe(CheckResult result) {
        return result.host() + " " + result.check() + ": " + result.message();
    }

    private Map<String, String> parameters(StepEntity step) {
        try {
            return mapper.readValue(step.parameters, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored step parameters are unreadable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Topology fromJson(String json) {
        try {
            return mapper.readValue(json, Topology.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored topology is unreadable", e);
        }
    }
}
