package dev.ocpha.executor.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.executor.persistence.StepRunEntity;
import dev.ocpha.platform.messaging.AfterCommit;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Step commands: accepted into this executor's table and committed first, run afterwards on the
 * {@link StepRunner} pool, each attempt ending in exactly one outcome event.
 */
@ApplicationScoped
public class StepCommandService {

    private static final Logger LOG = Logger.getLogger(StepCommandService.class);
    private static final int OUTPUT_TAIL = 4000;

    private final String executorId;
    private final AfterCommit afterCommit;
    private final StepRunner runner;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public StepCommandService(@ConfigProperty(name = "ocpha.executor.id") String executorId, AfterCommit afterCommit,
                              StepRunner runner, Outbox outbox, ObjectMapper mapper) {
        this.executorId = executorId;
        this.afterCommit = afterCommit;
        this.runner = runner;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void accept(StepRequested request) {
        UUID deploymentId = UUID.fromString(request.deploymentId());
        if (StepRunEntity.find(deploymentId, request.stepId(), request.attempt()) != null) {
            return;
        }
        StepRunEntity run = new StepRunEntity();
        run.deploymentId = deploymentId;
        run.stepId = request.stepId();
        run.attempt = request.attempt();
        run.command = toJson(request);
        run.status = StepRunEntity.ACCEPTED;
        run.executorId = executorId;
        run.correlationId = Correlation.correlationId();
        run.causationId = Correlation.causationId();
        run.acceptedAt = OffsetDateTime.now();
        run.persist();
        long runId = run.id;
        afterCommit.run(() -> runner.submit(runId, request, run.correlationId, run.causationId));
    }

    /** Resumes the runs this executor had accepted or started before it stopped; steps are idempotent. */
    @Transactional
    public void resumeUnfinished() {
        for (StepRunEntity run : StepRunEntity.unfinished(executorId)) {
            LOG.infof("resuming step %s (attempt %d) of deployment %s", run.stepId, run.attempt, run.deploymentId);
            runner.submit(run.id, fromJson(run.command), run.correlationId, run.causationId);
        }
    }

    @Transactional
    public void started(long runId, StepRequested request) {
        StepRunEntity run = StepRunEntity.findById(runId);
        run.status = StepRunEntity.RUNNING;
        run.startedAt = OffsetDateTime.now();
        outbox.append(new StepStarted(request.deploymentId(), request.stepId(), request.kind(), request.host(),
                request.attempt(), executorId), Topics.hostKey(request.deploymentId(), request.host()));
    }

    @Transactional
    public void succeeded(long runId, StepRequested request, int exitStatus, String output, Duration took) {
        StepRunEntity run = finish(runId, StepRunEntity.SUCCEEDED, exitStatus, output, null);
        outbox.append(new StepSucceeded(request.deploymentId(), request.stepId(), request.kind(), request.host(),
                request.cluster(), request.attempt(), 1, executorId, took.toMillis()), Topics.hostKey(request.deploymentId(), request.host()));
        LOG.infof("step %s on %s succeeded in %d ms", run.stepId, request.host(), took.toMillis());
    }

    @Transactional
    public void failed(long runId, StepRequested request, Integer exitStatus, String output, String reason,
                       boolean retryable, Duration took) {
        finish(runId, StepRunEntity.FAILED, exitStatus, output, reason);
        outbox.append(new StepFailed(request.deploymentId(), request.stepId(), request.kind(), request.host(),
                        request.cluster(), request.attempt(), 1, executorId, reason, retryable, took.toMillis()),
                Topics.hostKey(request.deploymentId(), request.host()));
        LOG.warnf("step %s on %s failed: %s", request.stepId(), request.host(), reason);
    }

    private static StepRunEntity finish(long runId, String status, Integer exitStatus, String output, String error) {
        StepRunEntity run = StepRunEntity.findById(runId);
        run.status = status;
        run.exitStatus = exitStatus;
        run.outputTail = output == null || output.length() <= OUTPUT_TAIL ? output
                : output.substring(output.length() - OUTPUT_TAIL);
        run.error = error;
        run.finishedAt = OffsetDateTime.now();
        return run;
    }

    private String toJson(StepRequested request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StepRequested fromJson(String json) {
        try {
            return mapper.readValue(json, StepRequested.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored step command is unreadable", e);
        }
    }
}
