package dev.ocpha.executor.domain;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.executor.config.ExecutorConfig;
import dev.ocpha.executor.domain.StepOutcomes.Claimed;
import dev.ocpha.executor.steps.InstallerActions;
import dev.ocpha.executor.steps.MediaLibrary;
import dev.ocpha.executor.steps.OperatorCompletion;
import dev.ocpha.executor.steps.OperatorRequest;
import dev.ocpha.executor.steps.RetryPolicy;
import dev.ocpha.executor.steps.Step;
import dev.ocpha.executor.steps.StepCatalog;
import dev.ocpha.executor.steps.StepContext;
import dev.ocpha.executor.steps.StepFailure;
import dev.ocpha.executor.steps.StepParameters;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.secrets.SecretStore;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs one claimed attempt of a step: its tries, with exponential backoff between retryable failures up to the
 * command's {@code maxTries}, each try bounded by the command's timeout, and then exactly one outcome.
 */
@ApplicationScoped
public class StepAttempts {

    private static final Logger LOG = Logger.getLogger(StepAttempts.class);

    private final StepCatalog catalog;
    private final RemoteExecutor remote;
    private final StepOutcomes outcomes;
    private final SecretStore secrets;
    private final MediaLibrary media;
    private final InstallerActions actions;
    private final ExecutorConfig config;

    public StepAttempts(StepCatalog catalog, RemoteExecutor remote, StepOutcomes outcomes, SecretStore secrets,
                        MediaLibrary media, InstallerActions actions, ExecutorConfig config) {
        this.catalog = catalog;
        this.remote = remote;
        this.outcomes = outcomes;
        this.secrets = secrets;
        this.media = media;
        this.actions = actions;
        this.config = config;
    }

    /**
     * @param cancelled set when this executor lost the claim or is stopping: the run then ends without an outcome,
     *                  which the executor now holding it (or the next one) reports
     */
    public void run(Claimed claimed, AtomicBoolean cancelled, ScheduledExecutorService scheduler) {
        StepRequested request = claimed.request();
        Redactor redactor = new Redactor();
        long began = System.nanoTime();
        try (Correlation.Scope ignored = Correlation.open(claimed.run().correlationId(), claimed.run().causationId());
             ProgressStream progress = new ProgressStream((seq, stream, text) -> {
                 if (!cancelled.get()) { // a run this executor no longer holds reports nothing more
                     outcomes.progress(request, seq, stream, text);
                 }
             }, redactor, config.progress(), scheduler)) {
            if (claimed.run().takeover()) {
                LOG.infof("took over step %s (attempt %d) of deployment %s from %s, whose lease expired",
                        request.stepId(), request.attempt(), request.deploymentId(), claimed.run().previousOwner());
            }
            Optional<Step> step = catalog.find(request.kind());
            if (step.isEmpty()) {
                fail(claimed, progress, claimed.run().tries(), null, "this executor has no step of kind "
                        + request.kind() + " (it runs " + String.join(", ", catalog.kinds()) + ")", false, began);
                return;
            }
            if (claimed.run().takeovers() > config.lease().maxTakeovers()) {
                fail(claimed, progress, claimed.run().tries(), null, "the executors running this step died "
                        + claimed.run().takeovers() + " times; it is not taken over again", false, began);
                return;
            }
            try {
                step.get().validate(new StepParameters(request.kind(), request.parameters()));
            } catch (StepFailure invalid) {
                fail(claimed, progress, claimed.run().tries(), null, invalid.getMessage(), false, began);
                return;
            }
            tries(claimed, step.get(), redactor, progress, cancelled, began);
        }
    }

    private void tries(Claimed claimed, Step step, Redactor redactor, ProgressStream progress, AtomicBoolean cancelled,
                       long began) {
        StepRequested request = claimed.request();
        RetryPolicy policy = step.retryPolicy();
        int maxTries = request.maxTries() > 0 ? request.maxTries() : policy.defaultMaxTries();
        Duration timeout = request.timeoutSeconds() > 0 ? Duration.ofSeconds(request.timeoutSeconds())
                : StepKinds.definition(step.kind()).orElseThrow().timeout();
        SshTarget target = new SshTarget(request.access().address(), request.access().sshPort(), request.access().user(),
                request.access().credentialRef());
        Function<String, String> secret = ref -> {
            String value = secrets.find(ref).orElseThrow(() -> new IllegalArgumentException(
                    new SecretStore.UnknownSecretException(ref).getMessage()));
            redactor.add(value);
            return value;
        };
        OperatorCompletion completion = claimed.run().actionCompleted()
                ? new OperatorCompletion(claimed.run().actionCompletedBy(), claimed.run().actionNote()) : null;
        for (int tryNumber = claimed.run().tries() + 1; ; tryNumber++) {
            Instant tryStarted = Instant.now();
            long tryBegan = System.nanoTime();
            StepContext context = new StepContext(request, remote, target, policy, timeout, secret, media, actions,
                    progress, completion);
            try {
                String summary = step.run(context) + (context.unverified().isEmpty() ? ""
                        : " [ran unverified installer actions: " + String.join(", ", context.unverified()) + "]");
                context.note(summary);
                Optional<OperatorRequest> asked = context.operatorRequest();
                if (asked.isPresent()) {
                    // not a try: the wait counts against neither the tries nor the timeout
                    if (!cancelled.get()) {
                        progress.close();
                        awaitOperator(claimed, asked.get(), progress);
                    }
                    return;
                }
                if (!cancelled.get() && outcomes.recordTry(claimed.run(), tryNumber, config.id(), 0, null, null,
                        tryStarted, since(tryBegan))) {
                    progress.close();
                    publishSucceeded(claimed, tryNumber, progress, began);
                }
                return;
            } catch (StepFailure failure) {
                if (cancelled.get()) {
                    return;
                }
                String reason = redactor.redact(failure.getMessage());
                if (!outcomes.recordTry(claimed.run(), tryNumber, config.id(), failure.exitStatus(), reason,
                        failure.retryable(), tryStarted, since(tryBegan))) {
                    return;
                }
                if (failure.retryable() && tryNumber < maxTries) {
                    Duration wait = backoff(tryNumber);
                    context.note("try " + tryNumber + " of " + maxTries + " failed (" + reason + "); next try in "
                            + wait.toMillis() + " ms");
                    if (!sleep(wait) || cancelled.get()) {
                        return;
                    }
                    continue;
                }
                fail(claimed, progress, tryNumber, failure.exitStatus(),
                        reason + (tryNumber > 1 ? " (after " + tryNumber + " tries)" : ""), failure.retryable(), began);
                return;
            } catch (RuntimeException bug) {
                // a defect, not the host: report it rather than let executor after executor take the run over
                LOG.errorf(bug, "step %s failed inside the executor", request.stepId());
                if (!cancelled.get()) {
                    fail(claimed, progress, tryNumber, null, "the executor failed running the step: "
                            + redactor.redact(String.valueOf(bug.getMessage())), false, began);
                }
                return;
            }
        }
    }

    private void publishSucceeded(Claimed claimed, int tries, ProgressStream progress, long began) {
        if (outcomes.succeeded(claimed.run(), claimed.request(), tries, config.id(), progress.tail(), since(began))) {
            LOG.infof("step %s on %s succeeded in %d ms (%d tries)", claimed.request().stepId(), claimed.request().host(),
                    since(began).toMillis(), tries);
        }
    }

    private void awaitOperator(Claimed claimed, OperatorRequest asked, ProgressStream progress) {
        if (outcomes.awaitOperator(claimed.run(), claimed.request(), asked, progress.tail())) {
            LOG.infof("step %s on %s waits for an operator: %s", claimed.request().stepId(), claimed.request().host(),
                    asked.title());
        }
    }

    private void fail(Claimed claimed, ProgressStream progress, int tries, Integer exitStatus, String reason,
                      boolean retryable, long began) {
        progress.close();
        if (outcomes.failed(claimed.run(), claimed.request(), tries, config.id(), exitStatus, progress.tail(), reason,
                retryable, since(began))) {
            LOG.warnf("step %s on %s failed%s: %s", claimed.request().stepId(), claimed.request().host(),
                    retryable ? " (retryable)" : "", reason);
        }
    }

    /** initial × 2^(try-1), at most the configured maximum. */
    Duration backoff(int tryNumber) {
        long initial = config.retry().initialBackoff().toMillis();
        long wait = initial << Math.min(tryNumber - 1, 20);
        return Duration.ofMillis(Math.min(wait, config.retry().maxBackoff().toMillis()));
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration since(long began) {
        return Duration.ofNanos(System.nanoTime() - began);
    }
}
