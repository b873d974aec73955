package dev.ocpha.checker.domain;

import dev.ocpha.checker.checks.HostProber;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.platform.messaging.Correlation;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Probes the hosts of a run concurrently, at most {@code ocpha.checker.concurrency} at once. */
@ApplicationScoped
public class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final HostProber prober;
    private final Instance<EnvironmentCheckService> checks;
    private final ExecutorService hosts;
    private final ExecutorService runs = Executors.newCachedThreadPool();

    public CheckRunner(HostProber prober, Instance<EnvironmentCheckService> checks,
                       @ConfigProperty(name = "ocpha.checker.concurrency") int concurrency) {
        this.prober = prober;
        this.checks = checks;
        this.hosts = Executors.newFixedThreadPool(concurrency);
    }

    public void submit(UUID runId, List<PlannedHost> planned, String correlationId, String causationId) {
        runs.submit(() -> {
            try (Correlation.Scope ignored = Correlation.open(correlationId, causationId)) {
                List<CompletableFuture<List<CheckResult>>> probes = planned.stream()
                        .map(host -> CompletableFuture.supplyAsync(() -> prober.probe(host), hosts))
                        .toList();
                List<CheckResult> results = probes.stream().flatMap(probe -> probe.join().stream()).toList();
                checks.get().complete(runId, results);
            } catch (RuntimeException e) {
                LOG.errorf(e, "environment check %s could not finish; it resumes at the next start", runId);
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
        hosts.shutdownNow();
    }
}
