package dev.ocpha.checker.domain;

import dev.ocpha.checker.checks.CheckContext;
import dev.ocpha.checker.checks.CheckContext.MetaDbEndpoint;
import dev.ocpha.checker.checks.ClockSample;
import dev.ocpha.checker.checks.ClockSkewCheck;
import dev.ocpha.checker.checks.HostCheck;
import dev.ocpha.checker.checks.HostInspection;
import dev.ocpha.checker.checks.HostProber;
import dev.ocpha.checker.checks.MetaDbArchitectureCheck;
import dev.ocpha.checker.checks.Remediator;
import dev.ocpha.checker.checks.Remediator.AppliedFix;
import dev.ocpha.checker.checks.SizingProfile;
import dev.ocpha.checker.checks.Verdicts;
import dev.ocpha.checker.config.CheckerConfig;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.ssh.HostKeyPolicy;
import dev.ocpha.ssh.MapCredentialStore;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshjRemoteExecutor;
import dev.ocpha.ssh.cdi.SshConfig;
import java.nio.file.Path;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the catalog on every host of an inventory, at most {@code ocpha.checker.concurrency} hosts at once (one
 * pool for every run), then the checks across hosts (clock skew, MetaDB architecture). Pure work: no persistence,
 * no events.
 */
@ApplicationScoped
public class CheckEngine {

    private final List<HostCheck> catalog;
    private final CheckerConfig config;
    private final SshConfig ssh;
    private final ExecutorService hosts;

    @jakarta.inject.Inject
    public CheckEngine(Instance<HostCheck> catalog, CheckerConfig config, SshConfig ssh) {
        this(catalog.stream().toList(), config, ssh);
    }

    /** Outside CDI (the benchmark): the catalog as a list. */
    public CheckEngine(List<HostCheck> catalog, CheckerConfig config, SshConfig ssh) {
        this.catalog = List.copyOf(catalog);
        this.config = config;
        this.ssh = ssh;
        this.hosts = Executors.newFixedThreadPool(config.concurrency());
    }

    /**
     * A run's own SSH connections: one per host, shared by its probes and fixes, closed with the run. A check must
     * log in afresh, or a refused key or a changed host key would hide behind a connection pooled earlier.
     */
    public Session open() {
        Path knownHosts = ssh.knownHosts().orElseThrow(() -> new IllegalStateException(
                "set ocpha.ssh.known-hosts: the checker verifies host keys against a known_hosts file"));
        return new Session(new SshjRemoteExecutor(new MapCredentialStore(ssh.credentials()),
                new HostKeyPolicy.KnownHostsFile(knownHosts), ssh.connectTimeout()));
    }

    public final class Session implements AutoCloseable {
        private final RemoteExecutor remote;
        private final HostProber prober;
        private final Remediator remediator;

        Session(RemoteExecutor remote) {
            this.remote = remote;
            this.prober = new HostProber(remote);
            this.remediator = new Remediator(remote);
        }

        public List<HostReport> run(CheckInventory inventory) {
            return CheckEngine.this.run(prober, inventory);
        }

        /** Applies the auto-fixable remediations among {@code results} on their hosts, hosts in parallel. */
        public List<AppliedFix> fix(CheckInventory inventory, List<CheckResult> results) {
            List<CompletableFuture<List<AppliedFix>>> fixes = inventory.hosts().stream()
                    .map(host -> CompletableFuture.supplyAsync(() -> remediator.apply(host,
                            results.stream().filter(r -> host.name().equals(r.host())).toList(), config.hostTimeout()), hosts))
                    .toList();
            return fixes.stream().flatMap(f -> f.join().stream()).toList();
        }

        @Override
        public void close() {
            remote.close();
        }
    }

    private List<HostReport> run(HostProber prober, CheckInventory inventory) {
        SizingProfile profile = inventory.sizingProfile();
        List<CompletableFuture<HostInspection>> inspections = inventory.hosts().stream()
                .map(host -> CompletableFuture.supplyAsync(() -> prober.inspect(context(host, inventory, profile),
                        catalog, inventory.strict(), config.hostTimeout()), hosts))
                .toList();
        List<HostInspection> done = inspections.stream().map(CompletableFuture::join).toList();
        return acrossHosts(done, inventory);
    }

    public static CheckContext context(PlannedHost host, CheckInventory inventory, SizingProfile profile) {
        List<MetaDbEndpoint> remote = new ArrayList<>();
        for (PlannedCluster cluster : inventory.clusters()) {
            if (host.cluster() != null && !cluster.name().equals(host.cluster()) && cluster.metaDbAddress() != null
                    && !cluster.metaDbAddress().isBlank()) {
                remote.add(endpoint(cluster));
            }
        }
        return new CheckContext(host, profile, profile.thresholds(host.roles(), host.requirement()), remote);
    }

    /** {@code host:port}, {@code [v6]:port} or a bare host (MetaDB's SQL port 2881). */
    static MetaDbEndpoint endpoint(PlannedCluster cluster) {
        String address = cluster.metaDbAddress().trim();
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.indexOf(':') == colon || address.startsWith("[")) {
            String host = address.substring(0, colon).replace("[", "").replace("]", "");
            return new MetaDbEndpoint(cluster.name(), host, Integer.parseInt(address.substring(colon + 1)));
        }
        return new MetaDbEndpoint(cluster.name(), address, 2881);
    }

    private List<HostReport> acrossHosts(List<HostInspection> inspections, CheckInventory inventory) {
        Map<String, List<CheckResult>> extra = new HashMap<>();
        Map<String, ClockSample> clocks = new LinkedHashMap<>();
        for (HostInspection inspection : inspections) {
            if (inspection.connectionProblem() != null) {
                continue; // its one result says why; nothing more can be said about it
            }
            if (inspection.clock() != null) {
                clocks.put(inspection.host(), inspection.clock());
            } else {
                extra.computeIfAbsent(inspection.host(), h -> new ArrayList<>()).add(Verdicts.fail(inspection.host(),
                        ClockSkewCheck.NAME, "unreadable", "an epoch from date +%s%N",
                        "cannot read the host's clock with date +%s%N"));
            }
        }
        ClockSkewCheck.evaluate(clocks, config.clockSkewLimitMs())
                .forEach(r -> extra.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        MetaDbArchitectureCheck.evaluate(metaDbArchitectures(inspections, inventory))
                .forEach(r -> extra.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        List<HostReport> reports = new ArrayList<>();
        for (HostInspection inspection : inspections) {
            List<CheckResult> results = new ArrayList<>(inspection.results());
            results.addAll(extra.getOrDefault(inspection.host(), List.of()));
            reports.add(new HostReport(inspection.host(), results, inspection.clock(), inspection.connectionProblem(),
                    inspection.durationMs()));
        }
        return reports;
    }

    private static Map<String, Map<String, String>> metaDbArchitectures(List<HostInspection> inspections,
                                                                       CheckInventory inventory) {
        Map<String, HostInspection> byHost = new HashMap<>();
        inspections.forEach(i -> byHost.put(i.host(), i));
        Map<String, Map<String, String>> byCluster = new LinkedHashMap<>();
        for (PlannedHost host : inventory.hosts()) {
            HostInspection inspection = byHost.get(host.name());
            if (!host.roles().contains(HostRoles.METADB) || inspection == null || inspection.architecture() == null) {
                continue;
            }
            String cluster = metaDbCluster(host, inventory.clusters());
            byCluster.computeIfAbsent(cluster, c -> new LinkedHashMap<>()).put(host.name(), inspection.architecture());
        }
        return byCluster;
    }

    private static String metaDbCluster(PlannedHost host, List<PlannedCluster> clusters) {
        return clusters.stream().filter(c -> c.name().equals(host.cluster()) && c.metaDbClusterName() != null)
                .map(PlannedCluster::metaDbClusterName).findFirst()
                .orElse(host.cluster() == null ? "default" : host.cluster());
    }

    void onStop(@Observes ShutdownEvent event) {
        shutdown();
    }

    public void shutdown() {
        hosts.shutdownNow();
    }
}
