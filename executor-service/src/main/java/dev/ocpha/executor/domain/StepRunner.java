package dev.ocpha.executor.domain;

import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.executor.steps.Step;
import dev.ocpha.executor.steps.StepCatalog;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshTarget;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Runs accepted steps over SSH on a bounded pool, so the Kafka poll loop never waits for a host. */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);

    private final StepCatalog catalog;
    private final RemoteExecutor remote;
    private final Instance<StepCommandService> service;
    private final ExecutorService pool;

    public StepRunner(StepCatalog catalog, RemoteExecutor remote, Instance<StepCommandService> service,
                      @ConfigProperty(name = "ocpha.executor.max-concurrent-steps") int maxConcurrentSteps) {
        this.catalog = catalog;
        this.remote = remote;
        this.service = service;
        this.pool = Executors.newFixedThreadPool(maxConcurrentSteps);
    }

    public void submit(long runId, StepRequested request, String correlationId, String causationId) {
        pool.submit(() -> {
            try (Correlation.Scope ignored = Correlation.open(correlationId, causationId)) {
                run(runId, request);
            } catch (RuntimeException e) {
                LOG.errorf(e, "step %s could not be recorded; it resumes at the next start", request.stepId());
            }
        });
    }

    private void run(long runId, StepRequested request) {
        StepCommandService steps = service.get();
        Optional<Step> step = catalog.find(request.kind());
        if (step.isEmpty()) {
            steps.failed(runId, request, null, null, "this executor has no step of kind " + request.kind(), false,
                    Duration.ZERO);
            return;
        }
        steps.started(runId, request);
        long start = System.nanoTime();
        try {
            ExecResult result = remote.exec(new SshTarget(request.access().address(), request.access().sshPort(),
                            request.access().user(), request.access().credentialRef()),
                    step.get().command(request), Duration.ofSeconds(request.timeoutSeconds()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String output = result.stdout() + result.stderr();
            if (result.succeeded()) {
                steps.succeeded(runId, request, result.exitStatus(), output, took);
            } else {
                steps.failed(runId, request, result.exitStatus(), output,
                        "exit status " + result.exitStatus() + ": " + lastLine(result.stderr().isBlank()
                                ? result.stdout() : result.stderr()), false, took);
            }
        } catch (RemoteException e) {
            steps.failed(runId, request, null, null, e.getMessage(), e.retryable(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
