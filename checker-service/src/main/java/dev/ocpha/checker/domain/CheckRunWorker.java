package dev.ocpha.checker.domain;

import dev.ocpha.checker.checks.Remediator;
import dev.ocpha.checker.checks.Remediator.AppliedFix;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.platform.messaging.Correlation;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs recorded check runs off the caller's thread: an auto-fix run first applies the previous run's safe fixes; a
 * run with {@code autoFix} checks, applies the fixes it found, and checks again. The hosts themselves are bounded
 * by {@link CheckEngine}'s pool, shared by every run.
 */
@ApplicationScoped
public class CheckRunWorker {

    private static final Logger LOG = Logger.getLogger(CheckRunWorker.class);

    /** A recorded run: its inventory, whether to fix, and the results whose fixes to apply first. */
    public record RunSpec(UUID runId, CheckInventory inventory, boolean autoFix, List<CheckResult> fixFirst,
                          String correlationId, String causationId) {
    }

    private final CheckEngine engine;
    private final Instance<EnvironmentCheckService> service;
    private final ExecutorService runs = Executors.newCachedThreadPool();

    public CheckRunWorker(CheckEngine engine, Instance<EnvironmentCheckService> service) {
        this.engine = engine;
        this.service = service;
    }

    public void submit(UUID runId) {
        runs.submit(() -> run(runId));
    }

    private void run(UUID runId) {
        try {
            RunSpec spec = service.get().spec(runId);
            if (spec == null) {
                return;
            }
            try (Correlation.Scope ignored = Correlation.open(spec.correlationId(), spec.causationId());
                 CheckEngine.Session engine = this.engine.open()) {
                List<AppliedFix> fixes = new ArrayList<>();
                if (!spec.fixFirst().isEmpty()) {
                    fixes.addAll(engine.fix(spec.inventory(), spec.fixFirst()));
                }
                List<HostReport> reports = engine.run(spec.inventory());
                if (spec.autoFix()) {
                    List<CheckResult> found = reports.stream().flatMap(r -> r.results().stream())
                            .filter(Remediator::fixable).toList();
                    if (!found.isEmpty()) {
                        fixes.addAll(engine.fix(spec.inventory(), found));
                        reports = engine.run(spec.inventory());
                    }
                }
                service.get().complete(runId, reports, fixes);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "check run %s could not finish; it resumes at the next start", runId);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }
}
