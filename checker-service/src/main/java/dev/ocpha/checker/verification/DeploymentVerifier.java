package dev.ocpha.checker.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.checker.config.CheckerConfig;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.events.VerificationRequested;
import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.platform.secrets.SecretStore;
import dev.ocpha.ssh.RemoteExecutor;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The post-deployment check of a deployment
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/300.post-deployment-check.md):
 * per OCP node its HTTP endpoints and, over SSH, its log and container; per AZ its access address; per multi-cluster
 * deployment every standby's binding. Nodes are verified in parallel, at most {@code ocpha.checker.concurrency} at
 * once. Passwords come from the {@link SecretStore} by the event's references and are used only in an Authorization
 * header and on obclient's standard input.
 */
@ApplicationScoped
public class DeploymentVerifier {

    private final OcpEndpointProbe endpoints;
    private final NodeShellProbe shell;
    private final StandbyBindingProbe bindings;
    private final SecretStore secrets;
    private final CheckerConfig config;
    private final ExecutorService pool;

    public DeploymentVerifier(RemoteExecutor remote, SecretStore secrets, ObjectMapper mapper, CheckerConfig config) {
        CheckerConfig.Verification v = config.verification();
        HttpClient http = HttpClient.newBuilder().connectTimeout(v.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoints = new OcpEndpointProbe(http, mapper, v.httpTimeout(), v.timeSkewLimitMs());
        this.shell = new NodeShellProbe(remote, v.container(), config.hostTimeout());
        this.bindings = new StandbyBindingProbe(remote, v.metaUser(), v.metaDatabase(), config.hostTimeout());
        this.secrets = secrets;
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.concurrency());
    }

    public List<VerificationItem> verify(VerificationRequested request) {
        String adminPassword = secrets.find(request.adminPasswordRef()).orElse(null);
        List<VerificationItem> items = new ArrayList<>();
        if (adminPassword == null) {
            items.add(Items.fail("deployment", "admin-password", "reference '" + request.adminPasswordRef()
                    + "' not configured", "the OCP admin password in the checker's secret store",
                    "set ocpha.secrets.\"" + request.adminPasswordRef() + "\" for the checker"));
        }
        List<PlannedHost> nodes = request.nodes() == null ? List.of() : request.nodes().stream()
                .filter(n -> n.roles() == null || n.roles().isEmpty() || n.roles().contains(HostRoles.OCP_SERVER))
                .toList();
        if (nodes.isEmpty()) {
            items.add(Items.fail("deployment", "ocp-nodes", "none", "at least one OCP node",
                    "the request names no OCP node to verify"));
        }
        int port = config.verification().httpPort();
        List<CompletableFuture<List<VerificationItem>>> perNode = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(() -> {
                    List<VerificationItem> nodeItems = new ArrayList<>(endpoints.probe(node.name(),
                            OcpEndpointProbe.baseUrl(node.access().address(), port), request.ocpVersion(), adminPassword));
                    nodeItems.addAll(shell.probe(node));
                    return nodeItems;
                }, pool))
                .toList();
        List<CompletableFuture<List<VerificationItem>>> perAz = (request.azs() == null ? List.<PlannedAz>of() : request.azs())
                .stream().filter(az -> az.accessAddress() != null && !az.accessAddress().isBlank())
                .map(az -> CompletableFuture.supplyAsync(() -> endpoints.probe("az:" + az.name(),
                        OcpEndpointProbe.baseUrl(az.accessAddress(), port), request.ocpVersion(), adminPassword), pool))
                .toList();
        perNode.forEach(f -> items.addAll(f.join()));
        perAz.forEach(f -> items.addAll(f.join()));
        items.addAll(standbyBindings(request, nodes));
        return items;
    }

    private List<VerificationItem> standbyBindings(VerificationRequested request, List<PlannedHost> nodes) {
        List<PlannedCluster> clusters = request.clusters() == null ? List.of() : request.clusters();
        List<PlannedCluster> standbys = clusters.stream().filter(c -> "STANDBY".equalsIgnoreCase(c.role())).toList();
        if (standbys.isEmpty()) {
            return List.of();
        }
        PlannedCluster primary = clusters.stream().filter(c -> "PRIMARY".equalsIgnoreCase(c.role())).findFirst().orElse(null);
        if (primary == null) {
            return standbys.stream().map(s -> Items.fail("cluster:" + s.name(), StandbyBindingProbe.METADB_CHECK,
                    "no primary cluster", "bound to the primary", "the request has standbys but no PRIMARY cluster")).toList();
        }
        String metaPassword = secrets.find(request.metaPasswordRef()).orElse(null);
        if (metaPassword == null) {
            return standbys.stream().map(s -> Items.fail("cluster:" + s.name(), StandbyBindingProbe.METADB_CHECK,
                    "reference '" + request.metaPasswordRef() + "' not configured",
                    "the meta tenant password in the checker's secret store",
                    "set ocpha.secrets.\"" + request.metaPasswordRef() + "\" for the checker")).toList();
        }
        return bindings.probe(primary, standbys, nodes, metaPassword);
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
