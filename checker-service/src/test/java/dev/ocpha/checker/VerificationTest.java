package dev.ocpha.checker;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.VerificationRequested;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.CommandLineMetaDb;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabMedia;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshTarget;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Post-deployment verification against OCP and MetaDB stand-ins set up on two lab hosts over SSH, as a deployer would:
 * a primary (LEADER) on host-1 and a standby (FOLLOWER) on host-2, each with its MetaDB deployed the documented way
 * ({@link CommandLineMetaDb}: RPMs, observer's command line, bootstrap through obclient) and an OCP container.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationTest {

    private static final String ROOT_PW = "R00t#Secret-pw";
    private static final String PROXYRO_PW = "Pr0xy#Secret-pw";
    private static final String MONITOR_PW = "Mon1tor#Secret-pw";
    private static boolean deployed;

    @Inject
    ObjectMapper mapper;
    @Inject
    RemoteExecutor remote;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static LabHost primary() {
        return LabFleetResource.fleet().host(0);
    }

    private static LabHost standby() {
        return LabFleetResource.fleet().host(1);
    }

    private String sh(LabHost host, String command, String stdin) throws Exception {
        CommandLineMetaDb.Result result = shell(host, command, stdin);
        assertEquals(0, result.status(), command + ": " + result.err() + result.out());
        return result.out();
    }

    /** Media, a one-replica MetaDB with the meta and monitor tenants, and an OCP container, on each host. */
    private void deploy() throws Exception {
        if (deployed) {
            return;
        }
        Path media = Files.createTempDirectory("checker-media");
        LabMedia.generate(media, List.of(LabMedia.OCP, LabMedia.OCEANBASE_CE), 16 * 1024);
        for (LabHost host : List.of(primary(), standby())) {
            String cluster = metaDbCluster(host);
            Files.createDirectories(host.root().resolve("data/media"));
            Files.copy(media.resolve(LabMedia.OCP.name() + ".tar"), host.root().resolve("data/media/" + LabMedia.OCP.name() + ".tar"),
                    StandardCopyOption.REPLACE_EXISTING);
            sh(host, "docker load -i /data/media/" + LabMedia.OCP.name() + ".tar", null);
            CommandLineMetaDb.deploy(this::shell, cluster, List.of(host), media.resolve(LabMedia.OCEANBASE_CE_NAME + ".tar"),
                    ROOT_PW, PROXYRO_PW).ocpTenants(ROOT_PW, CheckerTestResource.META_PASSWORD, MONITOR_PW);
            sh(host, """
                    IFS= read -r OCP_METADB_PASSWORD; IFS= read -r OCP_MONITORDB_PASSWORD; IFS= read -r OCP_INITIAL_ADMIN_PASSWORD
                    export OCP_METADB_PASSWORD OCP_MONITORDB_PASSWORD OCP_INITIAL_ADMIN_PASSWORD
                    docker run -d --name ocp --network host -e OCP_METADB_HOST=%s -e OCP_METADB_PORT=2881 \\
                      -e OCP_METADB_USER=meta_user@ocp_meta#%s -e OCP_METADB_PASSWORD -e OCP_METADB_DBNAME=meta_database \\
                      -e OCP_MONITORDB_USER=monitor_user@ocp_monitor#%s -e OCP_MONITORDB_PASSWORD \\
                      -e OCP_MONITORDB_DBNAME=monitor_database -e OCP_INITIAL_ADMIN_PASSWORD %s
                    """.formatted(host.address(), cluster, cluster, LabMedia.OCP.image()),
                    CheckerTestResource.META_PASSWORD + "\n" + MONITOR_PW + "\n" + CheckerTestResource.ADMIN_PASSWORD + "\n");
            awaitHealthy(host);
        }
        deployed = true;
    }

    /** {@link #remote} as the shell of {@link CommandLineMetaDb}. */
    private CommandLineMetaDb.Result shell(LabHost host, String command, String stdin) throws IOException {
        try {
            ExecResult result = remote.exec(new SshTarget(host.address(), host.sshPort(), "root", LabFleetResource.CREDENTIAL),
                    command, stdin, Duration.ofSeconds(60));
            return new CommandLineMetaDb.Result(result.exitStatus(), result.stdout(), result.stderr());
        } catch (RemoteException e) {
            throw new IOException(e);
        }
    }

    private static String metaDbCluster(LabHost host) {
        return host == primary() ? "metadb_a" : "metadb_b";
    }

    private static void awaitHealthy(LabHost host) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + CheckerTestResource.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://" + host.address()
                        + ":8080/api/status")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                if (status.body().equals("okay")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("OCP on " + host + " did not become healthy");
    }

    private static PlannedHost node(LabHost host, String cluster) {
        return new PlannedHost(host.name(), new HostAccess(host.address(), host.sshPort(), "root",
                LabFleetResource.CREDENTIAL), cluster, null, null, null, List.of(HostRoles.OCP_SERVER), null);
    }

    private static PlannedCluster cluster(String name, String role, LabHost host) {
        return new PlannedCluster(name, role, role.equals("PRIMARY") ? 1 : 2, null, "http://" + host.address() + ":8080",
                metaDbCluster(host), host.address() + ":2881", true, List.of(host.name()));
    }

    private DeploymentVerified verify(String version, List<PlannedCluster> clusters, List<PlannedAz> azs,
                                      List<PlannedHost> nodes) throws Exception {
        String id = UUID.randomUUID().toString();
        VerificationRequested request = new VerificationRequested(id, version, clusters, azs, nodes,
                CheckerTestResource.ADMIN_REF, CheckerTestResource.META_REF);
        try (TopicProbe checks = TopicProbe.subscribe(bootstrap, Topics.CHECKS)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEPLOYMENTS, id, mapper.writeValueAsString(request));
            record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.TYPE, EventType.VERIFICATION_REQUESTED.ceType().getBytes(StandardCharsets.UTF_8));
            TopicProbe.send(bootstrap, record);
            String value = checks.awaitMatching(r -> id.equals(TopicProbe.header(r, EventHeaders.SUBJECT))
                    && EventType.DEPLOYMENT_VERIFIED.ceType().equals(TopicProbe.header(r, EventHeaders.TYPE)), 1,
                    Duration.ofSeconds(90)).get(0).value();
            return mapper.readValue(value, DeploymentVerified.class);
        }
    }

    private static List<String> failures(DeploymentVerified verified) {
        return verified.items().stream().filter(i -> !i.status().equals("PASS"))
                .map(i -> i.target() + "/" + i.check()).sorted().collect(Collectors.toList());
    }

    private static VerificationItem item(DeploymentVerified verified, String target, String check) {
        return verified.items().stream().filter(i -> i.target().equals(target) && i.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + target + "/" + check + " in " + verified.items()));
    }

    @Test
    @Order(1)
    void healthyNodeAndAz_verifyAsHealthy_andTheReportIsKept() throws Exception {
        deploy();
        LabHost host = primary();
        PlannedAz az = new PlannedAz("az1", "ocp-a", List.of("idc1"), List.of(host.name()), host.name(),
                host.address() + ":8080", host.address() + ":2883");
        DeploymentVerified verified = verify("4.2.2", List.of(cluster("ocp-a", "PRIMARY", host)), List.of(az),
                List.of(node(host, "ocp-a")));
        assertEquals(List.of(), failures(verified), verified.items().toString());
        assertTrue(verified.passed());
        assertEquals(List.of("api-status", "build-version", "time-skew", "ocp-log", "container-running", "jvm-running"),
                verified.items().stream().filter(i -> i.target().equals(host.name())).map(VerificationItem::check).toList());
        assertEquals("buildVersion 4.2.2", item(verified, "az:az1", "build-version").observed());
        // OCP keeps ocp.log inside its container: the check reads it there, where the host has none of its own
        assertFalse(java.nio.file.Files.exists(host.root().resolve("home/admin/logs/ocp/ocp.log")));
        assertTrue(item(verified, host.name(), "ocp-log").observed().startsWith("last line: "),
                item(verified, host.name(), "ocp-log").toString());
        asAdmin().get("/reports/" + verified.reportId()).then().statusCode(200)
                .body("passed", org.hamcrest.Matchers.equalTo(true))
                .body("items.size()", org.hamcrest.Matchers.equalTo(verified.items().size()));
        asAdmin().get("/deployments/" + verified.deploymentId() + "/verification").then().statusCode(200)
                .body("latest.reportId", org.hamcrest.Matchers.equalTo(verified.reportId()));
    }

    @Test
    @Order(2)
    void wrongVersion_failsTheBuildVersionOnly() throws Exception {
        deploy();
        LabHost host = primary();
        host.ocpWrongVersion("4.0.3");
        try {
            sh(host, "docker restart ocp", null);
            awaitHealthy(host);
            DeploymentVerified verified = verify("4.2.2", List.of(cluster("ocp-a", "PRIMARY", host)), List.of(),
                    List.of(node(host, "ocp-a")));
            assertFalse(verified.passed());
            assertEquals(List.of(host.name() + "/build-version"), failures(verified));
            assertEquals("buildVersion 4.0.3", item(verified, host.name(), "build-version").observed());
        } finally {
            host.clearFaults();
            sh(host, "docker restart ocp", null);
            awaitHealthy(host);
        }
    }

    @Test
    @Order(3)
    void ocpDown_failsItsEndpointsAndJvm_butNotItsLogOrContainer() throws Exception {
        deploy();
        LabHost host = primary();
        host.ocpDown();
        try {
            DeploymentVerified verified = verify("4.2.2", List.of(cluster("ocp-a", "PRIMARY", host)), List.of(),
                    List.of(node(host, "ocp-a")));
            assertFalse(verified.passed());
            assertEquals(List.of(host.name() + "/api-status", host.name() + "/build-version",
                    host.name() + "/jvm-running", host.name() + "/time-skew"), failures(verified));
            assertTrue(item(verified, host.name(), "api-status").observed().startsWith("no answer"));
        } finally {
            sh(host, "docker restart ocp", null);
            awaitHealthy(host);
        }
    }

    @Test
    @Order(4)
    void standbyThatCannotLogInToThePrimaryMetaDb_isTheSpecificFailure_andPassesOnceItCan() throws Exception {
        deploy();
        LabHost a = primary();
        LabHost b = standby();
        List<PlannedCluster> clusters = List.of(cluster("ocp-a", "PRIMARY", a), cluster("ocp-b", "STANDBY", b));
        List<PlannedHost> nodes = List.of(node(a, "ocp-a"), node(b, "ocp-b"));
        b.failTool("obclient", 1);
        DeploymentVerified unreachable = verify("4.2.2", clusters, List.of(), nodes);
        assertFalse(unreachable.passed());
        assertEquals(List.of("cluster:ocp-b/standby-reaches-primary-metadb"), failures(unreachable));
        assertTrue(item(unreachable, "cluster:ocp-b", "standby-reaches-primary-metadb").observed()
                .startsWith("obclient exit"), unreachable.items().toString());

        DeploymentVerified reachable = verify("4.2.2", clusters, List.of(), nodes);
        assertEquals(List.of(), failures(reachable), reachable.items().toString());
        assertTrue(b.journal().stream().anyMatch(e -> e.commandLine().startsWith("obclient -h " + a.address())),
                b.journal().toString());
        assertTrue(b.journal().stream().noneMatch(e -> e.toString().contains(CheckerTestResource.META_PASSWORD)));
    }
}
