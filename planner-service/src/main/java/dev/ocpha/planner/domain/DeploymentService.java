package dev.ocpha.planner.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.SecretKeys;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.AzActivated;
import dev.ocpha.contracts.events.AzActivationFailed;
import dev.ocpha.contracts.events.ClusterActivated;
import dev.ocpha.contracts.events.DeploymentCancelled;
import dev.ocpha.contracts.events.DeploymentFailed;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.DeploymentRetried;
import dev.ocpha.contracts.events.DeploymentSucceeded;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.HostChecked;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.OperatorActionCompleted;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.events.StandbyBindingFailed;
import dev.ocpha.contracts.events.StandbyBound;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.events.VerificationRequested;
import dev.ocpha.contracts.Facts;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.planner.persistence.AuditEntryEntity;
import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.ExpectedFactEntity;
import dev.ocpha.planner.persistence.OperatorActionEntity;
import dev.ocpha.planner.persistence.StepEntity;
import dev.ocpha.planner.planning.Plan;
import dev.ocpha.planner.planning.PlanBuilder;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The deployment use cases. The planner's state is a projection of the events it receives: each method is one
 * event's (or one operator action's) effect, committed with the events it publishes through the outbox and the
 * progress it logs. Nothing lives only in memory, so a restarted planner continues where it was.
 */
@ApplicationScoped
public class DeploymentService {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class);
    private static final Predicate<StepEntity> PREPARE = s -> s.phase.equals(Plan.PREPARE_ENVIRONMENT);
    private static final Predicate<StepEntity> DEPLOY = s -> s.phase.startsWith(Plan.deployPhase(""));
    private static final Predicate<StepEntity> TEARDOWN = s -> s.phase.equals(Plan.TEARDOWN);

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ProgressLog progress;
    /** Who calls an operator action (only API requests audit, so there is always a caller). */
    private final SecurityIdentity caller;

    public DeploymentService(Outbox outbox, ObjectMapper mapper, ProgressLog progress, SecurityIdentity caller) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.progress = progress;
        this.caller = caller;
    }

    /** Accepted: the deployment, and whether an earlier request with the same idempotency key created it. */
    public record Accepted(DeploymentEntity deployment, boolean replayed) {
    }

    @Transactional
    public Accepted create(Topology topology, Plan plan, String idempotencyKey, String requestHash) {
        if (idempotencyKey != null) {
            // Requests with one key run one after another: the second sees the first's deployment, not a unique-key error.
            DeploymentEntity.getEntityManager()
                    .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "idempotency-key:" + idempotencyKey).getSingleResult();
            DeploymentEntity earlier = DeploymentEntity.byIdempotencyKey(idempotencyKey);
            if (earlier != null) {
                if (!earlier.requestHash.equals(requestHash)) {
                    throw new IdempotencyConflictException("Idempotency-Key " + idempotencyKey
                            + " was used for another topology (deployment " + earlier.id + ")");
                }
                return new Accepted(earlier, true);
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.id = UUID.randomUUID();
        deployment.name = topology.name();
        deployment.modes = String.join(",", plan.modes());
        deployment.status = DeploymentStatus.PREPARING_HOSTS;
        deployment.topology = toJson(topology);
        deployment.plan = toJson(plan);
        deployment.idempotencyKey = idempotencyKey;
        deployment.requestHash = requestHash;
        deployment.correlationId = Correlation.correlationId();
        deployment.createdAt = now;
        deployment.updatedAt = now;
        deployment.persist();
        audit(deployment, "deploy", null, null);
        persistSteps(deployment.id, plan.steps(), 0);
        for (String fact : plan.expectedFacts()) {
            ExpectedFactEntity expected = new ExpectedFactEntity();
            expected.deploymentId = deployment.id;
            expected.fact = fact;
            expected.persist();
        }
        outbox.append(new DeploymentPlanned(deployment.id.toString(), plan.name(), plan.modes(), plan.ocpVersion(),
                plan.sizingProfile(), plan.clusters(), plan.azs(), plan.hosts(), plan.steps(), plan.expectedFacts(),
                plan.secretRefs(), plan.edition(), plan.installerProfile()));
        progress.append(deployment.id, ProgressLog.STATUS, "status", deployment.status, "steps", plan.steps().size());
        LOG.infof("deployment %s (%s) planned: %d steps on %d hosts", deployment.id, deployment.name,
                plan.steps().size(), plan.hosts().size());
        advance(deployment);
        return new Accepted(deployment, false);
    }

    private void persistSteps(UUID deploymentId, List<PlannedStep> steps, int firstSeq) {
        int seq = firstSeq;
        for (PlannedStep planned : steps) {
            StepEntity step = new StepEntity();
            step.deploymentId = deploymentId;
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
            step.awaitsFacts = String.join(",", planned.awaitsFacts());
            step.status = StepStatus.PENDING;
            step.persist();
        }
    }

    // ---- step events -------------------------------------------------------------------------------------------

    public void onStepStarted(StepStarted event) {
        StepEntity step = current(event.deploymentId(), event.stepId(), event.attempt());
        if (step == null || step.status != StepStatus.REQUESTED && step.status != StepStatus.AWAITING_OPERATOR) {
            return;
        }
        step.status = StepStatus.RUNNING;
        step.executorId = event.executorId();
        step.startedAt = OffsetDateTime.now();
        progress.append(step.deploymentId, ProgressLog.STEP, "stepId", step.stepId, "host", step.host,
                "status", step.status, "attempt", event.attempt(), "executorId", event.executorId());
    }

    public void onStepSucceeded(StepSucceeded event) {
        settleAction(event.deploymentId(), event.stepId(), event.attempt(), OperatorActionStatus.SUCCEEDED, null);
        StepEntity step = current(event.deploymentId(), event.stepId(), event.attempt());
        if (step == null) {
            registryStep(event.deploymentId(), event.stepId(), "SUCCEEDED", null);
            return;
        }
        if (step.status.done()) {
            return;
        }
        step.status = StepStatus.SUCCEEDED;
        step.executorId = event.executorId();
        step.lastError = null;
        step.finishedAt = OffsetDateTime.now();
        progress.append(step.deploymentId, ProgressLog.STEP, "stepId", step.stepId, "host", step.host,
                "status", step.status, "attempt", event.attempt(), "tries", event.tries(),
                "durationMillis", event.durationMillis());
        DeploymentEntity deployment = DeploymentEntity.findById(step.deploymentId);
        advance(deployment);
    }

    public void onStepFailed(StepFailed event) {
        settleAction(event.deploymentId(), event.stepId(), event.attempt(), OperatorActionStatus.FAILED, event.reason());
        StepEntity step = current(event.deploymentId(), event.stepId(), event.attempt());
        if (step == null) {
            registryStep(event.deploymentId(), event.stepId(), "FAILED", event.reason());
            return;
        }
        if (step.status.done()) {
            return;
        }
        step.status = StepStatus.FAILED;
        step.executorId = event.executorId();
        step.lastError = event.reason();
        step.finishedAt = OffsetDateTime.now();
        progress.append(step.deploymentId, ProgressLog.STEP, "stepId", step.stepId, "host", step.host,
                "status", step.status, "attempt", event.attempt(), "tries", event.tries(), "error", event.reason(),
                "retryable", event.retryable());
        DeploymentEntity deployment = DeploymentEntity.findById(step.deploymentId);
        if (deployment.status.runsSteps()) {
            fail(deployment, "step " + step.stepId + " failed on " + step.host + " after " + event.tries()
                    + " tries: " + event.reason(), step.stepId);
        }
    }

    /**
     * A step asks for an operator action: recorded once (whatever delivered it), and a planned step of that attempt
     * shows AWAITING_OPERATOR. The deployment's status does not change: it still runs, waiting for a person.
     */
    public void onOperatorActionRequired(OperatorActionRequired event) {
        DeploymentEntity deployment = find(event.deploymentId());
        if (deployment == null || OperatorActionEntity.find(deployment.id, event.actionId()) != null) {
            return;
        }
        OperatorActionEntity action = new OperatorActionEntity();
        action.deploymentId = deployment.id;
        action.actionId = event.actionId();
        action.stepId = event.stepId();
        action.kind = event.kind();
        action.host = event.host();
        action.cluster = event.cluster();
        action.attempt = event.attempt();
        action.title = event.title();
        action.instructions = event.instructions();
        action.fields = toJson(event.fields() == null ? Map.of() : event.fields());
        action.source = event.source();
        action.status = OperatorActionStatus.AWAITING_OPERATOR;
        action.requestedAt = OffsetDateTime.now();
        action.persist();
        StepEntity step = current(event.deploymentId(), event.stepId(), event.attempt());
        if (step != null && step.status.busy()) {
            step.status = StepStatus.AWAITING_OPERATOR;
        }
        progress.append(deployment.id, ProgressLog.OPERATOR_ACTION, "actionId", action.actionId, "stepId",
                action.stepId, "host", action.host, "status", action.status, "title", action.title);
        LOG.infof("deployment %s waits for an operator: %s (action %s)", deployment.id, action.title, action.actionId);
    }

    /** The step's outcome settles the action its attempt asked for, if any. */
    private static void settleAction(String deploymentId, String stepId, int attempt, OperatorActionStatus status,
                                     String reason) {
        UUID id = uuidOrNull(deploymentId);
        OperatorActionEntity action = id == null ? null : OperatorActionEntity.ofStep(id, stepId, attempt);
        if (action != null && (action.status == OperatorActionStatus.AWAITING_OPERATOR
                || action.status == OperatorActionStatus.COMPLETED)) {
            action.status = status;
            action.outcome = reason;
        }
    }

    /** The step as last requested; null for step ids the plan does not have and for a stale attempt's events. */
    private static StepEntity current(String deploymentId, String stepId, int attempt) {
        DeploymentEntity deployment = find(deploymentId);
        StepEntity step = deployment == null ? null : StepEntity.find(deployment.id, stepId);
        if (step != null && attempt < step.attempts) {
            LOG.debugf("ignoring attempt %s of %s: attempt %s was requested since", (Object) attempt, stepId, step.attempts);
            return null;
        }
        return step;
    }

    /** Steps the registry asked for (registration, AZ parameters) are shown in the progress, not planned. */
    private void registryStep(String deploymentId, String stepId, String status, String error) {
        UUID id = uuidOrNull(deploymentId);
        if (id != null && DeploymentEntity.findById(id) != null && StepEntity.find(id, stepId) == null) {
            progress.append(id, ProgressLog.REGISTRY_STEP, "stepId", stepId, "status", status, "error", error);
        }
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    public void onHostChecked(HostChecked event) {
        DeploymentEntity deployment = find(event.deploymentId());
        if (deployment != null) {
            progress.append(deployment.id, ProgressLog.HOST_CHECKED, "host", event.host(), "passed", event.passed(),
                    "checkRunId", event.checkRunId(), "results", event.results());
        }
    }

    public void onEnvironmentChecked(EnvironmentChecked event) {
        DeploymentEntity deployment = find(event.deploymentId());
        if (deployment == null || deployment.status != DeploymentStatus.CHECKING_ENVIRONMENT) {
            return;
        }
        deployment.checkRunId = event.checkRunId();
        deployment.checkPassed = event.passed();
        deployment.checkProblems = toJson(event.problems());
        progress.append(deployment.id, ProgressLog.ENVIRONMENT_CHECKED, "checkRunId", event.checkRunId(),
                "passed", event.passed(), "problems", event.problems());
        if (!event.passed()) {
            String failures = event.problems().stream()
                    .filter(result -> "FAIL".equals(result.status()))
                    .map(result -> result.host() + " " + result.check() + ": " + result.message())
                    .collect(Collectors.joining("; "));
            fail(deployment, "environment check failed: " + failures, null);
            return;
        }
        moveTo(deployment, DeploymentStatus.DEPLOYING);
        advance(deployment);
    }

    public void onDeploymentVerified(DeploymentVerified event) {
        DeploymentEntity deployment = find(event.deploymentId());
        if (deployment == null || deployment.status != DeploymentStatus.VERIFYING) {
            return;
        }
        deployment.reportId = event.reportId();
        deployment.verificationPassed = event.passed();
        deployment.verificationItems = toJson(event.items());
        progress.append(deployment.id, ProgressLog.VERIFIED, "reportId", event.reportId(), "passed", event.passed(),
                "items", event.items());
        if (!event.passed()) {
            String failures = event.items().stream().filter(item -> !"PASS".equals(item.status()))
                    .map(item -> item.target() + " " + item.check() + ": " + item.message())
                    .collect(Collectors.joining("; "));
            fail(deployment, "post-deployment check failed: " + failures, null);
            return;
        }
        moveTo(deployment, DeploymentStatus.SUCCEEDED);
        deployment.finishedAt = deployment.updatedAt;
        long steps = StepEntity.count("deploymentId = ?1 and phase <> ?2", deployment.id, Plan.TEARDOWN);
        outbox.append(new DeploymentSucceeded(deployment.id.toString(), (int) steps,
                Duration.between(deployment.createdAt, deployment.finishedAt).toMillis(), event.reportId()));
        LOG.infof("deployment %s (%s) succeeded; report %s", deployment.id, deployment.name, event.reportId());
    }

    // ---- registry facts ----------------------------------------------------------------------------------------

    public void onNodeRegistered(NodeRegistered event) {
        know(event.deploymentId(), Facts.nodeRegistered(event.host()));
    }

    public void onStandbyBound(StandbyBound event) {
        know(event.deploymentId(), Facts.standbyBound(event.standbyCluster()));
    }

    public void onAzActivated(AzActivated event) {
        know(event.deploymentId(), Facts.azActive(event.az()));
    }

    public void onClusterActivated(ClusterActivated event) {
        know(event.deploymentId(), Facts.clusterActive(event.cluster()));
    }

    public void onStandbyBindingFailed(StandbyBindingFailed event) {
        DeploymentEntity deployment = find(event.deploymentId());
        if (deployment == null || deployment.status.settled()) {
            return;
        }
        fail(deployment, "standby cluster " + event.standbyCluster() + " could not be bound to primary "
                + event.primaryCluster() + ": " + event.reason(), null);
    }

    public void onAzActivationFailed(AzActivationFailed event) {
        DeploymentEntity deployment = find(event.deploymentId());
        if (deployment == null || deployment.status.settled()) {
            return;
        }
        fail(deployment, "availability zone " + event.az() + " of cluster " + event.cluster()
                + " could not be activated on " + event.host() + ": " + event.reason(), null);
    }

    private void know(String deploymentId, String fact) {
        DeploymentEntity deployment = find(deploymentId);
        if (deployment == null) {
            return;
        }
        ExpectedFactEntity expected = ExpectedFactEntity.find(deployment.id, fact);
        if (expected == null || expected.known) {
            return;
        }
        expected.known = true;
        expected.knownAt = OffsetDateTime.now();
        progress.append(deployment.id, ProgressLog.FACT, "fact", fact);
        advance(deployment);
    }

    // ---- operator actions --------------------------------------------------------------------------------------

    /**
     * Re-requests the failed steps, or re-runs the environment check or verification that failed; the published
     * {@link DeploymentRetried} makes the registry ask again for a failed standby registration or AZ activation.
     */
    @Transactional
    public DeploymentEntity retry(UUID id) {
        DeploymentEntity deployment = locked(id);
        if (deployment.status != DeploymentStatus.FAILED) {
            throw new DeploymentStateException("Only a FAILED deployment can be retried; " + id + " is "
                    + deployment.status + ".");
        }
        DeploymentStatus stage = deployment.failedStage;
        audit(deployment, "retry", stage.name(), null);
        deployment.failureReason = null;
        deployment.finishedAt = null;
        deployment.failedStage = null;
        for (StepEntity step : StepEntity.ofDeployment(id)) {
            if (step.status == StepStatus.FAILED) {
                step.status = StepStatus.PENDING;
            }
        }
        moveTo(deployment, stage);
        outbox.append(new DeploymentRetried(deployment.id.toString(), stage.name()));
        switch (stage) {
            case CHECKING_ENVIRONMENT -> requestEnvironmentCheck(deployment);
            case VERIFYING -> requestVerification(deployment);
            default -> advance(deployment);
        }
        return deployment;
    }

    /**
     * An operator reports an action done (audited with the note): the executor verifies it with the step's probes. A
     * repeated completion changes nothing; a failed action is retried with the deployment, not completed.
     */
    @Transactional
    public OperatorActionEntity completeAction(UUID id, String actionId, String note) {
        DeploymentEntity deployment = locked(id);
        OperatorActionEntity action = OperatorActionEntity.find(id, actionId);
        if (action == null) {
            throw new DeploymentNotFoundException("Deployment " + id + " has no operator action " + actionId + ".");
        }
        if (!action.status.completes()) {
            return action;
        }
        action.status = OperatorActionStatus.COMPLETED;
        action.completedAt = OffsetDateTime.now();
        action.completedBy = caller.getPrincipal().getName();
        action.note = note;
        audit(deployment, "complete-action", actionId, note);
        outbox.append(new OperatorActionCompleted(deployment.id.toString(), action.stepId, action.host, action.attempt,
                action.actionId, action.completedBy, note, action.completedAt.toInstant().toString()),
                Topics.hostKey(deployment.id.toString(), action.host));
        progress.append(deployment.id, ProgressLog.OPERATOR_ACTION, "actionId", action.actionId, "stepId",
                action.stepId, "host", action.host, "status", action.status, "actor", action.completedBy);
        return action;
    }

    /** Marks a failed or pending step as done without running it (audited), like OCP's own task skip. */
    @Transactional
    public StepEntity skip(UUID id, String stepId, String reason) {
        DeploymentEntity deployment = locked(id);
        StepEntity step = StepEntity.find(id, stepId);
        if (step == null) {
            throw new DeploymentNotFoundException("Deployment " + id + " has no step " + stepId + ".");
        }
        if (step.status != StepStatus.FAILED && step.status != StepStatus.PENDING) {
            throw new DeploymentStateException("Only a FAILED or PENDING step can be skipped; " + stepId + " is "
                    + step.status + ".");
        }
        if (deployment.status == DeploymentStatus.DESTROYED) {
            throw new DeploymentStateException("Deployment " + id + " is DESTROYED.");
        }
        step.status = StepStatus.SKIPPED;
        step.skipReason = reason;
        step.finishedAt = OffsetDateTime.now();
        audit(deployment, "skip", stepId, reason);
        progress.append(id, ProgressLog.STEP, "stepId", stepId, "host", step.host, "status", step.status,
                "reason", reason);
        advance(deployment);
        return step;
    }

    /** Stops requesting steps; steps already running finish. */
    @Transactional
    public DeploymentEntity cancel(UUID id, String reason) {
        DeploymentEntity deployment = locked(id);
        if (deployment.status.settled() && deployment.status != DeploymentStatus.FAILED
                || deployment.status == DeploymentStatus.TEARING_DOWN) {
            throw new DeploymentStateException("Deployment " + id + " is " + deployment.status
                    + "; only a running or FAILED deployment can be cancelled.");
        }
        String why = reason == null || reason.isBlank() ? "cancelled by an operator" : reason;
        audit(deployment, "cancel", null, why);
        moveTo(deployment, DeploymentStatus.CANCELLED);
        deployment.finishedAt = deployment.updatedAt;
        outbox.append(new DeploymentCancelled(deployment.id.toString(), why));
        return deployment;
    }

    /** Teardown: REMOVE_OCP on every OCP node, then REMOVE_METADB on every MetaDB host, then DESTROYED. */
    @Transactional
    public DeploymentEntity teardown(UUID id) {
        DeploymentEntity deployment = locked(id);
        boolean failedTeardown = deployment.status == DeploymentStatus.FAILED
                && deployment.failedStage == DeploymentStatus.TEARING_DOWN;
        if (!deployment.status.settled() || deployment.status == DeploymentStatus.DESTROYED) {
            throw new DeploymentStateException("Deployment " + id + " is " + deployment.status
                    + "; cancel it first (only SUCCEEDED, FAILED or CANCELLED deployments are torn down).");
        }
        audit(deployment, "teardown", null, null);
        List<StepEntity> steps = StepEntity.ofDeployment(id);
        if (steps.stream().noneMatch(TEARDOWN)) {
            persistSteps(id, PlanBuilder.teardown(plan(deployment)), steps.size());
        } else if (failedTeardown) {
            steps.stream().filter(TEARDOWN).filter(s -> s.status == StepStatus.FAILED)
                    .forEach(s -> s.status = StepStatus.PENDING);
        }
        deployment.failureReason = null;
        deployment.failedStage = null;
        deployment.finishedAt = null;
        moveTo(deployment, DeploymentStatus.TEARING_DOWN);
        advance(deployment);
        return deployment;
    }

    // ---- the state machine -------------------------------------------------------------------------------------

    /** Requests what is ready in the deployment's status and moves it on when its stage is complete. */
    private void advance(DeploymentEntity deployment) {
        List<StepEntity> steps = StepEntity.ofDeployment(deployment.id);
        switch (deployment.status) {
            case PREPARING_HOSTS -> {
                if (allDone(steps, PREPARE)) {
                    moveTo(deployment, DeploymentStatus.CHECKING_ENVIRONMENT);
                    requestEnvironmentCheck(deployment);
                } else {
                    requestReady(deployment, steps, PREPARE);
                }
            }
            case DEPLOYING -> {
                requestReady(deployment, steps, DEPLOY);
                boolean factsKnown = ExpectedFactEntity.ofDeployment(deployment.id).stream().allMatch(f -> f.known);
                if (allDone(steps, DEPLOY) && factsKnown) {
                    moveTo(deployment, DeploymentStatus.VERIFYING);
                    requestVerification(deployment);
                }
            }
            case TEARING_DOWN -> {
                requestReady(deployment, steps, TEARDOWN);
                if (allDone(steps, TEARDOWN)) {
                    moveTo(deployment, DeploymentStatus.DESTROYED);
                    deployment.finishedAt = deployment.updatedAt;
                    LOG.infof("deployment %s (%s) destroyed", deployment.id, deployment.name);
                }
            }
            default -> {
                // Nothing is requested while checking, verifying or settled.
            }
        }
    }

    private static boolean allDone(List<StepEntity> steps, Predicate<StepEntity> stage) {
        return steps.stream().filter(stage).allMatch(s -> s.status.done());
    }

    /**
     * Requests every pending step of the stage whose dependencies are done and awaited facts known, keeping at most
     * {@code maxParallelHosts} hosts busy at once.
     */
    private void requestReady(DeploymentEntity deployment, List<StepEntity> steps, Predicate<StepEntity> stage) {
        Set<String> done = steps.stream().filter(s -> s.status.done()).map(s -> s.stepId).collect(Collectors.toSet());
        Set<String> known = ExpectedFactEntity.ofDeployment(deployment.id).stream().filter(f -> f.known)
                .map(f -> f.fact).collect(Collectors.toSet());
        Set<String> busy = steps.stream().filter(s -> s.status.busy()).map(s -> s.host)
                .collect(Collectors.toCollection(HashSet::new));
        Plan plan = plan(deployment);
        int limit = plan.limits().maxParallelHosts();
        for (StepEntity step : steps) {
            if (!stage.test(step) || step.status != StepStatus.PENDING || !done.containsAll(step.dependsOnList())
                    || !known.containsAll(step.awaitsFactsList())) {
                continue;
            }
            if (!busy.contains(step.host) && busy.size() >= limit) {
                continue;
            }
            busy.add(step.host);
            step.status = StepStatus.REQUESTED;
            step.attempts++;
            step.requestedAt = OffsetDateTime.now();
            step.startedAt = null;
            step.finishedAt = null;
            PlannedHost host = plan.host(step.host);
            outbox.append(new StepRequested(deployment.id.toString(), step.stepId, step.kind, step.description,
                    step.host, step.cluster, host.access(), parameters(step), step.timeoutSeconds, step.maxTries,
                    step.attempts, plan.installerProfile()), Topics.hostKey(deployment.id.toString(), step.host));
            progress.append(deployment.id, ProgressLog.STEP, "stepId", step.stepId, "host", step.host,
                    "status", step.status, "attempt", step.attempts);
        }
    }

    private void requestEnvironmentCheck(DeploymentEntity deployment) {
        Plan plan = plan(deployment);
        outbox.append(new EnvironmentCheckRequested(deployment.id.toString(), plan.sizingProfile(), plan.strict(),
                plan.clusters(), plan.hosts()));
    }

    private void requestVerification(DeploymentEntity deployment) {
        Plan plan = plan(deployment);
        List<PlannedHost> nodes = plan.hosts().stream().filter(h -> h.roles().contains(HostRoles.OCP_SERVER))
                .toList();
        outbox.append(new VerificationRequested(deployment.id.toString(), plan.ocpVersion(), plan.clusters(),
                plan.azs(), nodes, plan.secretRefs().get(SecretKeys.OCP_ADMIN),
                plan.secretRefs().get(SecretKeys.META_TENANT)));
    }

    private void moveTo(DeploymentEntity deployment, DeploymentStatus status) {
        deployment.status = status;
        deployment.updatedAt = OffsetDateTime.now();
        progress.append(deployment.id, ProgressLog.STATUS, "status", status);
    }

    private void fail(DeploymentEntity deployment, String reason, String stepId) {
        deployment.failedStage = deployment.status;
        deployment.failureReason = reason;
        deployment.status = DeploymentStatus.FAILED;
        deployment.updatedAt = OffsetDateTime.now();
        deployment.finishedAt = deployment.updatedAt;
        progress.append(deployment.id, ProgressLog.STATUS, "status", DeploymentStatus.FAILED, "reason", reason,
                "stage", deployment.failedStage);
        outbox.append(new DeploymentFailed(deployment.id.toString(), reason, stepId));
        LOG.warnf("deployment %s (%s) failed: %s", deployment.id, deployment.name, reason);
    }

    private void audit(DeploymentEntity deployment, String action, String target, String reason) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.deploymentId = deployment.id;
        entry.at = OffsetDateTime.now();
        entry.action = action;
        entry.target = target;
        entry.reason = reason;
        entry.correlationId = Correlation.correlationId();
        entry.actor = caller.getPrincipal().getName();
        entry.persist();
        progress.append(deployment.id, ProgressLog.AUDIT, "action", action, "target", target, "reason", reason,
                "actor", entry.actor);
        LOG.infof("%s: %s on deployment %s%s", entry.actor, action, deployment.id, target == null ? "" : " (" + target + ")");
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public Plan plan(DeploymentEntity deployment) {
        try {
            return mapper.readValue(deployment.plan, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan of " + deployment.id + " is unreadable", e);
        }
    }

    public static DeploymentEntity existing(UUID id) {
        DeploymentEntity deployment = DeploymentEntity.findById(id);
        if (deployment == null) {
            throw new DeploymentNotFoundException("No deployment " + id + ".");
        }
        return deployment;
    }

    /**
     * The deployment, locked for the rest of the transaction: the three consumers and the API may act on one
     * deployment at once, and each must see the others' requested steps before it requests more.
     */
    private static DeploymentEntity find(String deploymentId) {
        UUID id = uuidOrNull(deploymentId);
        return id == null ? null : DeploymentEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static DeploymentEntity locked(UUID id) {
        DeploymentEntity deployment = DeploymentEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (deployment == null) {
            throw new DeploymentNotFoundException("No deployment " + id + ".");
        }
        return deployment;
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Map<String, String> parameters(StepEntity step) {
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
}
