package dev.ocpha.executor.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepProgressed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.executor.persistence.StepRuns;
import dev.ocpha.executor.persistence.StepRuns.ClaimedRun;
import dev.ocpha.executor.steps.OperatorRequest;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every write of a running step, each in its own transaction with the event it causes (through the outbox), and
 * each fenced by the run's claim token: an executor that lost its claim writes and publishes nothing, so an attempt
 * ends in exactly one outcome event whichever executors ran it.
 */
@ApplicationScoped
@Transactional
public class StepOutcomes {

    private final StepRuns runs;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public StepOutcomes(StepRuns runs, Outbox outbox, ObjectMapper mapper) {
        this.runs = runs;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A claimed run and the command it carries. */
    public record Claimed(ClaimedRun run, StepRequested request) {
    }

    /** Claims runs and announces each with {@code StepStarted} (again, naming the new executor, after a takeover). */
    public List<Claimed> claim(String executorId, int limit, Duration lease) {
        List<Claimed> claimed = new ArrayList<>();
        for (ClaimedRun run : runs.claim(executorId, limit, lease)) {
            StepRequested request = read(run.commandJson());
            try (Correlation.Scope ignored = Correlation.open(run.correlationId(), run.causationId())) {
                outbox.append(new StepStarted(request.deploymentId(), request.stepId(), request.kind(), request.host(),
                        request.attempt(), executorId), key(request));
            }
            claimed.add(new Claimed(run, request));
        }
        return claimed;
    }

    public Set<UUID> renew(String executorId, Collection<UUID> claimTokens, Duration lease) {
        return runs.renew(executorId, claimTokens, lease);
    }

    public int releaseAll(String executorId) {
        return runs.releaseAll(executorId);
    }

    public boolean recordTry(ClaimedRun run, int tryNumber, String executorId, Integer exitStatus, String error,
                             Boolean retryable, Instant startedAt, Duration took) {
        return runs.recordTry(run.id(), run.claimToken(), tryNumber, executorId, exitStatus, error, retryable, startedAt, took);
    }

    public boolean succeeded(ClaimedRun run, StepRequested request, int tries, String executorId, String outputTail,
                             Duration took) {
        if (!runs.finish(run.id(), run.claimToken(), "SUCCEEDED", 0, outputTail, null, null, took)) {
            return false;
        }
        outbox.append(new StepSucceeded(request.deploymentId(), request.stepId(), request.kind(), request.host(),
                request.cluster(), request.attempt(), tries, executorId, took.toMillis()), key(request));
        return true;
    }

    public boolean failed(ClaimedRun run, StepRequested request, int tries, String executorId, Integer exitStatus,
                          String outputTail, String reason, boolean retryable, Duration took) {
        if (!runs.finish(run.id(), run.claimToken(), "FAILED", exitStatus, outputTail, reason, retryable, took)) {
            return false;
        }
        outbox.append(new StepFailed(request.deploymentId(), request.stepId(), request.kind(), request.host(),
                request.cluster(), request.attempt(), tries, executorId, reason, retryable, took.toMillis()), key(request));
        return true;
    }

    /**
     * The try asked an operator: the run waits, holding nothing, and {@link OperatorActionRequired} goes out with it.
     * False when the claim is no longer this executor's (then nothing is written or published).
     */
    public boolean awaitOperator(ClaimedRun run, StepRequested request, OperatorRequest asked, String outputTail) {
        String actionId = OperatorActionRequired.actionId(request.stepId(), request.attempt());
        if (!runs.awaitOperator(run.id(), run.claimToken(), actionId, outputTail)) {
            return false;
        }
        outbox.append(new OperatorActionRequired(request.deploymentId(), request.stepId(), request.kind(),
                request.host(), request.cluster(), request.attempt(), actionId, asked.title(), asked.instructions(),
                asked.fields(), asked.source(), Instant.now().toString()), key(request));
        return true;
    }

    public void progress(StepRequested request, int seq, String stream, String text) {
        outbox.append(new StepProgressed(request.deploymentId(), request.stepId(), request.host(), request.attempt(), seq,
                stream, text), key(request));
    }

    private static String key(StepRequested request) {
        return Topics.hostKey(request.deploymentId(), request.host());
    }

    private StepRequested read(String json) {
        try {
            return mapper.readValue(json, StepRequested.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored step command is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
