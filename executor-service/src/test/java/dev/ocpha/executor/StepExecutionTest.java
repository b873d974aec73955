package dev.ocpha.executor;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.AzAssigned;
import dev.ocpha.contracts.events.OperatorActionCompleted;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.events.StandbyRegistrationRequested;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.AzNode;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.executor.persistence.JdbcHostKeyPins;
import dev.ocpha.executor.persistence.StepRunEntity;
import dev.ocpha.executor.persistence.StepTryEntity;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.JournalEntry;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabMedia;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.MapCredentialStore;
import dev.ocpha.ssh.PinnedHostKey;
import dev.ocpha.ssh.SshTarget;
import dev.ocpha.ssh.SshjRemoteExecutor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ExecutorLabResource.class, restrictToAnnotatedClass = false)
class StepExecutionTest {

    private static final Duration OUTCOME = Duration.ofSeconds(60);
    /** Every step kind exists in the enterprise profile. */
    private static final String PROFILE = "site-enterprise-4.2";

    @Inject
    ObjectMapper mapper;
    @Inject
    JdbcHostKeyPins pins;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "ocpha.executor.registry-steps.ocp-http-port")
    int ocpHttpPort;

    @Test
    void stepCommand_runsOverSshAndReportsStartedThenSucceeded() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(0);
        StepRequested request = request(StepKinds.PREPARE_HOST, host, Map.of("directories", "ocp-server,data/files"), 60, 1);
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.STEP_COMMANDS, request, EventType.STEP_REQUESTED));
            List<ConsumerRecord<String, String>> outcome = events.awaitMatching(r -> ofDeployment(r, request)
                    && !type(r).equals(EventType.STEP_PROGRESSED.ceType()), 2, OUTCOME);
            assertEquals(EventType.STEP_STARTED.ceType(), type(outcome.get(0)));
            assertEquals(EventType.STEP_SUCCEEDED.ceType(), type(outcome.get(1)));
            assertEquals(Topics.hostKey(request.deploymentId(), host.name()), outcome.get(1).key());
        }
        assertTrue(Files.isDirectory(host.root().resolve("root/ocp-server")));
        assertTrue(Files.isDirectory(host.root().resolve("root/data/files")));
        StepRunEntity run = run(request);
        assertEquals("SUCCEEDED", run.status);
        assertEquals(1, run.tries);
        assertEquals(0, run.exitStatus);
        assertTrue(run.durationMillis != null && run.durationMillis >= 0);
    }

    @Test
    void prepareHost_addsTheAdminUserAndOwnedDirectoriesOnce_andAReRunChangesNothing() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(2);
        Map<String, String> parameters = Map.of("adminUid", "500", "adminGid", "500",
                "directories", "/home/admin/ocp-server,/data/files");
        success(request(StepKinds.PREPARE_HOST, host, parameters, 60, 1));
        assertTrue(Files.readString(host.root().resolve("etc/passwd")).contains("admin:x:500:500:"));
        assertTrue(Files.isDirectory(host.root().resolve("data/files")));
        success(request(StepKinds.PREPARE_HOST, host, parameters, 60, 1));
        assertEquals(1, host.journal().stream().filter(e -> e.tool().equals("useradd")).count(), host.journal().toString());
        assertEquals(1, host.journal().stream().filter(e -> e.tool().equals("groupadd")).count());
    }

    @Test
    void singleNodeHost_runsTheSeedsStepsInOrder_eachCommandOncePerSuccessfulAttempt_aReRunChangesNothing_andTearsDown()
            throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(4);
        String deploymentId = UUID.randomUUID().toString();
        List<StepRequested> plan = singleNodePlan(deploymentId, host, 1);
        for (StepRequested step : plan) {
            success(step); // the planner's order: each step once the one before succeeded
        }
        List<String> journal = host.journal().stream().map(e -> e.commandLine() + " => " + e.exitStatus() + " " + e.result()).toList();
        int media = firstIndex(journal, "docker load -i /data/images/ocp-");
        int metaDb = firstIndex(journal, "observer -I " + host.address() + " -P 2882 -p 2881 -z z1 -d /home/admin/oceanbase/store/");
        int bootstrap = firstIndex(journal, "ALTER SYSTEM BOOTSTRAP");
        int proxy = firstIndex(journal, "obproxy -r " + host.address() + ":2881 -p 2883 -o observer_sys_password=");
        int ocp = firstIndex(journal, "docker run -d --name ocp ");
        int healthy = firstIndex(journal, "GET /api/status => 200");
        assertTrue(media < metaDb && metaDb < bootstrap && bootstrap < proxy && proxy < ocp && ocp < healthy,
                "seed order media < observer < bootstrap < OBProxy < OCP < healthy: "
                        + List.of(media, metaDb, bootstrap, proxy, ocp, healthy) + " in " + journal);
        // the system parameters go in at the first start, in OCP_CONFIG_PROPERTIES: there is no API for them
        String run = journal.get(ocp);
        String url = "http://" + host.address() + ":8080";
        assertTrue(run.contains("OCP_CONFIG_PROPERTIES=server.port:8080\nocp.site.url:" + url
                + "\nocp.config-url.site.url:" + url + "\nobsdk.ob.connection.mode:direct\nocp.monitordb.username:"), run);
        assertFalse(run.contains("ocp.monitordb.host"), "a cluster-wide MonitorDB host pinned to one node: " + run);
        assertFalse(journal.stream().anyMatch(line -> line.contains("/api/v2/config")), "an invented API was called");
        Map<String, Long> once = Map.of("docker load", 1L, "docker run", 1L, "ALTER SYSTEM BOOTSTRAP", 1L,
                "CREATE RESOURCE UNIT", 2L, "docker restart", 0L, "useradd", 1L, "observer -I", 1L, "obproxy -r", 1L,
                "CREATE USER IF NOT EXISTS proxyro", 1L);
        once.forEach((command, times) -> assertEquals(times, count(journal, command), command + " in " + journal));
        // the tenants' users and databases: CREATE … IF NOT EXISTS on obclient's stdin, as each tenant's root
        assertEquals(1, count(journal, "-u root@ocp_meta -N"));
        assertEquals(1, count(journal, "-u root@ocp_monitor -N"));
        assertFalse(journal.stream().anyMatch(line -> line.contains(ExecutorLabResource.ROOT_PASSWORD)
                || line.contains(ExecutorLabResource.ADMIN_PASSWORD)), "a secret in the journal");

        // the planner asks again (attempt 2): every step finds its effect in place
        for (StepRequested step : singleNodePlan(deploymentId, host, 2)) {
            success(step);
        }
        List<String> again = host.journal().stream().map(e -> e.commandLine() + " => " + e.exitStatus() + " " + e.result()).toList();
        once.forEach((command, times) -> assertEquals(times, count(again, command), "re-run repeated " + command));

        // a container that stopped (a restart that could not start it again, say): the next attempt of the install
        // starts it, and the wait after it sees OCP healthy again
        try (SshjRemoteExecutor ssh = new SshjRemoteExecutor(new MapCredentialStore(Map.of(ExecutorLabResource.CREDENTIAL,
                ExecutorLabResource.fleet().clientPrivateKey())), ExecutorLabResource.fleet().knownHosts(),
                Duration.ofSeconds(10))) {
            ExecResult stopped = ssh.exec(new SshTarget(host.address(), host.sshPort(), "root",
                    ExecutorLabResource.CREDENTIAL), "docker stop ocp", null, Duration.ofSeconds(30));
            assertEquals(0, stopped.exitStatus(), stopped.stderr());
        }
        success(singleNodePlan(deploymentId, host, 3).get(5));
        success(singleNodePlan(deploymentId, host, 3).get(6));
        List<String> restarted = host.journal().stream().map(e -> e.commandLine() + " => " + e.exitStatus() + " " + e.result()).toList();
        assertEquals(1, count(restarted, "docker start ocp => 0"), "started once: " + restarted);
        int start = firstIndex(restarted, "docker start ocp");
        assertTrue(restarted.subList(start, restarted.size()).stream().anyMatch(l -> l.contains("GET /api/status => 200")),
                "OCP is awaited after the start: " + restarted);

        // the planned access address changed after the install: OCP took the old one at its first start and offers
        // no way to change it but its UI, so the step refuses, naming the difference, and leaves the container alone
        StepRequested install = singleNodePlan(deploymentId, host, 4).get(5);
        Map<String, String> moved = new HashMap<>(install.parameters());
        moved.put("siteUrl", "http://10.9.9.9:8080");
        StepFailed refused = failure(withParameters(install, moved));
        assertFalse(refused.retryable());
        assertEquals(1, refused.tries());
        assertTrue(refused.reason().contains("ocp.site.url is '" + url + "', planned 'http://10.9.9.9:8080'"), refused.reason());
        assertTrue(refused.reason().contains("ocp.config-url.site.url"), refused.reason());
        List<String> afterRefusal = host.journal().stream().map(JournalEntry::commandLine).toList();
        assertEquals(1, count(afterRefusal, "docker run"), "no container was replaced");

        // teardown, twice: the second finds nothing left to remove
        for (int attempt = 1; attempt <= 2; attempt++) {
            success(new StepRequested(deploymentId, "remove-ocp@" + host.name(), StepKinds.REMOVE_OCP, "teardown",
                    host.name(), "c1", access(host), Map.of("container", "ocp"), 120, 3, attempt, PROFILE));
            success(new StepRequested(deploymentId, "remove-metadb@" + host.name(), StepKinds.REMOVE_METADB, "teardown",
                    host.name(), "c1", access(host), Map.of("media", LabMedia.OCEANBASE_CE.name(), "mediaDir",
                    "/data/images/" + LabMedia.OCEANBASE_CE.name(), "installDir", "/home/admin/oceanbase",
                    "dataDir", "/data/1", "logDir", "/log/1"), 120, 3, attempt, PROFILE));
        }
        List<String> removed = host.journal().stream().map(e -> e.commandLine() + " => " + e.exitStatus() + " " + e.result()).toList();
        assertEquals(1, count(removed, "docker rm -f ocp"));
        for (int port : List.of(2881, 2882, 2883)) {
            assertThrows(java.net.ConnectException.class, () -> new java.net.Socket(host.address(), port).close(),
                    "observer and OBProxy are stopped: nothing listens on " + port);
        }
        assertFalse(Files.exists(host.root().resolve("home/admin/obproxy-4.2.1.0")), "OBProxy's package is erased");
        try (var left = Files.list(host.root().resolve("data/1"))) {
            assertEquals(0, left.count(), "the MetaDB data directory is emptied");
        }
    }

    @Test
    void removeMetaDb_emptiesEachPlannedDirectoryButKeepsIt_andASecondRunChangesNothing() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(1);
        java.nio.file.Path root = host.root();
        List<String> directories = List.of("home/admin/oceanbase", "data/1", "log/1");
        for (String dir : directories) {
            Files.createDirectories(root.resolve(dir).resolve("store/clog"));
            Files.writeString(root.resolve(dir).resolve("store/clog/1"), "redo");
            Files.writeString(root.resolve(dir).resolve(".hidden"), "x");
        }
        Files.writeString(root.resolve("etc/keep-me"), "outside");
        Files.createSymbolicLink(root.resolve("data/1/outside"), java.nio.file.Path.of("/etc/keep-me"));
        Map<String, String> parameters = Map.of("media", LabMedia.OCEANBASE_CE.name(), "mediaDir",
                "/data/images/" + LabMedia.OCEANBASE_CE.name(), "installDir", "/home/admin/oceanbase",
                "dataDir", "/data/1", "logDir", "/log/1");
        String deploymentId = UUID.randomUUID().toString();
        for (int attempt = 1; attempt <= 2; attempt++) {
            success(new StepRequested(deploymentId, "remove-metadb@" + host.name(), StepKinds.REMOVE_METADB, "teardown",
                    host.name(), "c1", access(host), parameters, 120, 1, attempt, PROFILE));
            for (String dir : directories) {
                assertTrue(Files.isDirectory(root.resolve(dir)), dir + " stays");
                try (var left = Files.list(root.resolve(dir))) {
                    assertEquals(List.of(), left.toList(), dir + " is empty after attempt " + attempt);
                }
            }
        }
        assertEquals("outside", Files.readString(root.resolve("etc/keep-me")), "a link's target is not followed");
        StepRunEntity second = QuarkusTransaction.requiringNew().call(() ->
                StepRunEntity.find(UUID.fromString(deploymentId), "remove-metadb@" + host.name(), 2));
        assertTrue(second.outputTail.contains("/data/1 already empty"), second.outputTail);
    }

    @Test
    void enableMultiCluster_runsTheDocumentedInteractiveSession_restartsOnce_andAReRunOnlyWaits() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(5);
        String deploymentId = UUID.randomUUID().toString();
        StepRequested enable = deployMultiCluster(deploymentId, host, 1, "ocp1", "LEADER");
        List<String> journal = host.journal().stream().map(e -> e.commandLine() + " => " + e.exitStatus() + " " + e.result()).toList();
        assertEquals(1, count(journal, "docker exec -i ocp bash -c cd /home/admin/ocp-server/bin && ./ocp-bootstrap -i => 0"),
                journal.toString());
        assertEquals(1, journal.stream().filter(l -> l.startsWith("ocp-bootstrap -i => 0")).count(),
                "the session, inside the container: " + journal);
        assertEquals(1, count(journal, "docker restart ocp => 0"), journal.toString());
        int restart = firstIndex(journal, "docker restart ocp");
        assertTrue(journal.subList(restart, journal.size()).stream().anyMatch(l -> l.contains("GET /api/status => 200")),
                "OCP is awaited after the restart: " + journal);
        // the restarted OCP runs in the mode ocp-bootstrap wrote into its MetaDB
        com.fasterxml.jackson.databind.JsonNode mode = host.runtime().docker().process("ocp")
                .map(p -> ((dev.ocpha.lab.ocp.OcpServer) p).multiCluster()).orElseThrow();
        assertEquals(1, mode.path("clusterId").asInt(), mode.toString());
        assertEquals("LEADER", mode.path("role").asText(), mode.toString());

        // the next attempt finds the step's own record of the restart into this setting: no session, no restart
        success(new StepRequested(enable.deploymentId(), enable.stepId(), enable.kind(), enable.description(), enable.host(),
                enable.cluster(), enable.access(), enable.parameters(), enable.timeoutSeconds(), enable.maxTries(), 2,
                enable.installerProfile()));
        List<String> again = host.journal().stream().map(e -> e.commandLine() + " => " + e.exitStatus() + " " + e.result()).toList();
        assertEquals(1, again.stream().filter(l -> l.startsWith("ocp-bootstrap -i")).count(),
                "re-run opened another session: " + again);
        assertEquals(1, count(again, "docker restart ocp"), "re-run restarted OCP: " + again);
    }

    @Test
    void standbyRegistration_asksTheOperatorHoldingNothing_andSucceedsWhenTheProbesPassAfterCompletion() throws Exception {
        LabHost primary = ExecutorLabResource.fleet().host(5);
        LabHost standby = ExecutorLabResource.fleet().host(6);
        String deploymentId = UUID.randomUUID().toString();
        deployMultiCluster(deploymentId, primary, 1, "ocp1", "LEADER");
        String stepId = StepKinds.registerStandbyStepId("ocp2");
        StandbyRegistrationRequested asked = registration(deploymentId, primary, standby, 1);
        OperatorActionRequired action;
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.TOPOLOGY, asked, EventType.STANDBY_REGISTRATION_REQUESTED));
            send(topicRecord(Topics.TOPOLOGY, asked, EventType.STANDBY_REGISTRATION_REQUESTED)); // redelivered
            action = read(events.awaitMatching(r -> deploymentId.equals(TopicProbe.header(r, EventHeaders.SUBJECT))
                    && type(r).equals(EventType.OPERATOR_ACTION_REQUIRED.ceType()), 1, OUTCOME).get(0),
                    OperatorActionRequired.class);
        }
        assertEquals(stepId + "~1", action.actionId());
        assertEquals(standby.name(), action.host());
        assertEquals("http://" + standby.address() + ":" + ocpHttpPort, action.fields().get("url"));
        assertEquals(primary.address(), action.fields().get("host"));
        assertEquals("2881", action.fields().get("port"));
        assertEquals("meta_user@ocp_meta", action.fields().get("user"));
        assertEquals("meta_database", action.fields().get("database"));
        assertTrue(action.fields().get("password").contains("secretRef " + ExecutorLabResource.META_PASSWORD_REF),
                action.fields().toString());
        assertFalse(action.toString().contains("Meta#Secret-pw1"), "no secret in the action");
        assertTrue(action.instructions().contains("绑定到主 OCP"), action.instructions());
        assertTrue(action.source().startsWith("oceanbase/ocp-doc@V4.2.2:"), action.source());
        StepRunEntity waiting = run(deploymentId, stepId, 1);
        assertEquals(StepRunEntity.AWAITING_OPERATOR, waiting.status);
        assertEquals(null, waiting.leaseExpiresAt, "a waiting run holds no lease");
        assertEquals(0, waiting.tries, "asking is not a try");

        // the standby's OCP, where the executor reaches it: the node's address and the configured OCP port
        try (OcpFixture ocp = new OcpFixture(ExecutorLabResource.ADMIN_PASSWORD, ocpHttpPort, standby.address());
             TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.STEP_COMMANDS, completion(action, "bound in the console"),
                    EventType.OPERATOR_ACTION_COMPLETED));
            ConsumerRecord<String, String> outcome = events.awaitMatching(r -> deploymentId.equals(
                    TopicProbe.header(r, EventHeaders.SUBJECT)) && r.value().contains(stepId)
                    && (type(r).equals(EventType.STEP_SUCCEEDED.ceType()) || type(r).equals(EventType.STEP_FAILED.ceType())),
                    1, OUTCOME).get(0);
            assertEquals(EventType.STEP_SUCCEEDED.ceType(), type(outcome), outcome.value());
        }
        StepRunEntity verified = run(deploymentId, stepId, 1);
        assertEquals("alice", verified.actionCompletedBy);
        assertEquals("bound in the console", verified.actionNote);
        List<String> journal = standby.journal().stream().map(JournalEntry::commandLine).toList();
        assertTrue(journal.stream().anyMatch(line -> line.startsWith("obclient -h" + primary.address() + " -P2881")),
                journal.toString());
        assertFalse(journal.stream().anyMatch(line -> line.contains("registerMc")), "no undocumented command");
        assertFalse(journal.stream().anyMatch(line -> line.contains("Meta#Secret-pw1")), "the password is on stdin only");
    }

    @Test
    void standbyRegistrationCompleted_whileAProbeFails_failsTheStepNamingTheProbe() throws Exception {
        LabHost primary = ExecutorLabResource.fleet().host(5);
        LabHost standby = ExecutorLabResource.fleet().host(6);
        String deploymentId = UUID.randomUUID().toString();
        OperatorActionRequired action;
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.TOPOLOGY, registration(deploymentId, primary, standby, 1),
                    EventType.STANDBY_REGISTRATION_REQUESTED));
            action = read(events.awaitMatching(r -> deploymentId.equals(TopicProbe.header(r, EventHeaders.SUBJECT))
                    && type(r).equals(EventType.OPERATOR_ACTION_REQUIRED.ceType()), 1, OUTCOME).get(0),
                    OperatorActionRequired.class);
        }
        standby.failTool("obclient", 1);
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.STEP_COMMANDS, completion(action, "done"), EventType.OPERATOR_ACTION_COMPLETED));
            send(topicRecord(Topics.STEP_COMMANDS, completion(action, "done"), EventType.OPERATOR_ACTION_COMPLETED));
            StepFailed failed = read(events.awaitMatching(r -> deploymentId.equals(TopicProbe.header(r,
                    EventHeaders.SUBJECT)) && type(r).equals(EventType.STEP_FAILED.ceType()), 1, OUTCOME).get(0),
                    StepFailed.class);
            assertTrue(failed.reason().contains("alice reported the action done, but probe 'the standby host logs in to"
                    + " the primary's MetaDB"), failed.reason());
            assertFalse(failed.retryable(), "the operator fixes it, then retries the deployment");
        } finally {
            standby.clearFaults();
        }
    }

    private static StandbyRegistrationRequested registration(String deploymentId, LabHost primary, LabHost standby,
                                                             int attempt) {
        return new StandbyRegistrationRequested(deploymentId, "ocp2", "ocp1", primary.address() + ":2881",
                "meta_user@ocp_meta", "meta_database", ExecutorLabResource.META_PASSWORD_REF, standby.name(),
                access(standby), "ocp", attempt, PROFILE, ExecutorLabResource.ADMIN_PASSWORD_REF);
    }

    private static OperatorActionCompleted completion(OperatorActionRequired action, String note) {
        return new OperatorActionCompleted(action.deploymentId(), action.stepId(), action.host(), action.attempt(),
                action.actionId(), "alice", note, Instant.now().toString());
    }

    private static StepRunEntity run(String deploymentId, String stepId, int attempt) {
        return QuarkusTransaction.requiringNew().call(() ->
                StepRunEntity.find(UUID.fromString(deploymentId), stepId, attempt));
    }

    /** One single-node OCP cluster in multi-cluster mode: the seed's steps with ENABLE_MULTI_CLUSTER after healthy. */
    private StepRequested deployMultiCluster(String deploymentId, LabHost host, int clusterId, String name, String role)
            throws Exception {
        List<StepRequested> plan = new java.util.ArrayList<>(singleNodePlan(deploymentId, host, 1));
        String url = "http://" + host.address() + ":8080";
        StepRequested enable = new StepRequested(deploymentId, "enable-multi-cluster@" + host.name(),
                StepKinds.ENABLE_MULTI_CLUSTER, "multi-cluster", host.name(), name, access(host), Map.of("container", "ocp",
                "clusterId", String.valueOf(clusterId), "clusterName", name, "clusterRole", role, "url", url,
                "adminPasswordRef", ExecutorLabResource.ADMIN_PASSWORD_REF), 300, 3, 1, PROFILE);
        plan.add(enable);
        for (StepRequested step : plan) {
            success(step);
        }
        return enable;
    }

    private static StepRequested withParameters(StepRequested step, Map<String, String> parameters) {
        return new StepRequested(step.deploymentId(), step.stepId(), step.kind(), step.description(), step.host(),
                step.cluster(), step.access(), parameters, step.timeoutSeconds(), step.maxTries(), step.attempt(),
                step.installerProfile());
    }

    private static HostAccess access(LabHost host) {
        return new HostAccess(host.address(), host.sshPort(), "root", ExecutorLabResource.CREDENTIAL);
    }

    private static List<StepRequested> singleNodePlan(String deploymentId, LabHost host, int attempt) {
        String a = host.address();
        String url = "http://" + a + ":8080";
        Map<String, String> metaDb = new HashMap<>(metaDbParameters());
        // a MetaDB cluster of its own per host: the lab joins observers of one cluster name into one cluster
        String cluster = "ob-" + host.name();
        metaDb.putAll(Map.of("address", a, "rsList", a + ":2882:2881", "metaDbCluster", cluster));
        Map<String, String> bootstrap = new HashMap<>(Map.of("metaDbCluster", cluster, "zones", "z1:" + a + ":2882",
                "mysqlPort", "2881", "metaTenant", "ocp_meta", "metaTenantCpu", "2", "metaTenantMemoryGb", "5",
                "monitorTenant", "ocp_monitor", "monitorTenantCpu", "4", "monitorTenantMemoryGb", "16"));
        bootstrap.putAll(Map.of("rootPasswordRef", ExecutorLabResource.ROOT_PASSWORD_REF,
                "proxyroPasswordRef", ExecutorLabResource.PROXYRO_PASSWORD_REF,
                "metaPasswordRef", ExecutorLabResource.META_PASSWORD_REF,
                "monitorPasswordRef", ExecutorLabResource.MONITOR_PASSWORD_REF));
        Map<String, String> ocp = new HashMap<>(Map.of("media", "ocp-4.2.2", "container", "ocp", "cpu", "4", "memoryGb", "8",
                "httpPort", "8080", "metaDbHost", a, "metaDbPort", "2883", "metaDbUser", "meta_user@ocp_meta#" + cluster,
                "metaDbDatabase", "meta_database"));
        ocp.putAll(Map.of("monitorDbUser", "monitor_user@ocp_monitor#" + cluster, "monitorDbDatabase", "monitor_database",
                "metaPasswordRef", ExecutorLabResource.META_PASSWORD_REF,
                "monitorPasswordRef", ExecutorLabResource.MONITOR_PASSWORD_REF,
                "adminPasswordRef", ExecutorLabResource.ADMIN_PASSWORD_REF, "siteUrl", url));
        List<Map.Entry<String, Map<String, String>>> steps = List.of(
                Map.entry(StepKinds.PREPARE_HOST, Map.of("adminUid", "500", "adminGid", "500",
                        "directories", "/home/admin/ocp-server,/data/images")),
                Map.entry(StepKinds.PREPARE_MEDIA, Map.of("media", LabMedia.OCEANBASE_CE.name() + ",ocp-4.2.2",
                        "remoteDir", "/data/images")),
                Map.entry(StepKinds.CREATE_METADB, metaDb),
                Map.entry(StepKinds.BOOTSTRAP_METADB, bootstrap),
                Map.entry(StepKinds.START_OBPROXY, Map.of("media", LabMedia.OCEANBASE_CE.name(),
                        "mediaDir", "/data/images/" + LabMedia.OCEANBASE_CE.name(), "metaDbCluster", cluster,
                        "address", a, "proxyPort", "2883", "rsList", a + ":2881",
                        "proxyroPasswordRef", ExecutorLabResource.PROXYRO_PASSWORD_REF)),
                Map.entry(StepKinds.INSTALL_OCP, ocp),
                Map.entry(StepKinds.WAIT_OCP_HEALTHY, Map.of("url", url, "adminPasswordRef",
                        ExecutorLabResource.ADMIN_PASSWORD_REF, "waitSeconds", "120", "intervalSeconds", "1")));
        return steps.stream().map(step -> new StepRequested(deploymentId, step.getKey().toLowerCase() + "@" + host.name(),
                step.getKey(), "seed step", host.name(), "c1", new HostAccess(host.address(), host.sshPort(), "root",
                ExecutorLabResource.CREDENTIAL), step.getValue(), 300, 3, attempt, PROFILE)).toList();
    }

    private static int firstIndex(List<String> journal, String fragment) {
        for (int i = 0; i < journal.size(); i++) {
            if (journal.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("'" + fragment + "' is not in the journal: " + journal);
    }

    private static long count(List<String> journal, String fragment) {
        return journal.stream().filter(line -> line.contains(fragment)).count();
    }

    @Test
    void sameCommandDeliveredTwice_runsOnce() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(1);
        StepRequested request = request(StepKinds.PREPARE_HOST, host, Map.of("directories", "twice"), 60, 1);
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.STEP_COMMANDS, request, EventType.STEP_REQUESTED));
            send(topicRecord(Topics.STEP_COMMANDS, request, EventType.STEP_REQUESTED));
            events.awaitMatching(r -> ofDeployment(r, request) && type(r).equals(EventType.STEP_SUCCEEDED.ceType()), 1, OUTCOME);
            long outcomes = events.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> ofDeployment(r, request) && !type(r).equals(EventType.STEP_PROGRESSED.ceType())).count();
            assertEquals(2, outcomes, "one StepStarted and one StepSucceeded");
        }
        long runs = QuarkusTransaction.requiringNew().call(() ->
                StepRunEntity.count("deploymentId", UUID.fromString(request.deploymentId())));
        assertEquals(1, runs);
    }

    @Test
    void unknownStepKind_failsPermanentlyNamingIt() throws Exception {
        StepFailed failed = failure(request("NO_SUCH_STEP", ExecutorLabResource.fleet().host(0), Map.of(), 60, 3));
        assertFalse(failed.retryable());
        assertTrue(failed.reason().contains("NO_SUCH_STEP"), failed.reason());
        assertEquals(0, failed.tries());
    }

    @Test
    void invalidParameter_failsPermanentlyNamingTheParameter() throws Exception {
        Map<String, String> parameters = new HashMap<>(metaDbParameters());
        parameters.put("cpu", "many");
        StepFailed failed = failure(request(StepKinds.CREATE_METADB, ExecutorLabResource.fleet().host(0), parameters, 60, 3));
        assertFalse(failed.retryable());
        assertTrue(failed.reason().contains("'cpu' of CREATE_METADB"), failed.reason());
        assertTrue(failed.reason().contains("'many'"), failed.reason());
    }

    @Test
    void unknownSecretReference_failsPermanentlyNamingTheReference() throws Exception {
        try (OcpFixture ocp = new OcpFixture(ExecutorLabResource.ADMIN_PASSWORD, ExecutorLabResource.fleet().host(0))) {
            StepFailed failed = failure(request(StepKinds.WAIT_OCP_HEALTHY, ExecutorLabResource.fleet().host(0),
                    Map.of("url", ocp.url(), "adminPasswordRef", "vault/nope", "waitSeconds", "5", "intervalSeconds", "1"),
                    60, 3));
            assertFalse(failed.retryable());
            assertTrue(failed.reason().contains("'vault/nope'"), failed.reason());
            assertEquals(1, failed.tries());
            assertTrue(ocp.requests().isEmpty(), "nothing reached OCP");
        }
    }

    @Test
    void hostDown_failsRetryablyAfterItsTries() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(2);
        host.stop();
        try {
            StepFailed failed = failure(request(StepKinds.PREPARE_HOST, host, Map.of("directories", "down"), 60, 2));
            assertTrue(failed.retryable());
            assertEquals(2, failed.tries());
            assertTrue(failed.reason().contains("cannot connect"), failed.reason());
        } finally {
            host.start();
        }
    }

    @Test
    void standInFailingTwice_isRetriedAndTheStepSucceedsOnTheThirdTry() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(0);
        host.failTool("docker", 2); // the lab's stand-in failure fault: the next two docker calls exit 1
        StepRequested request = request(StepKinds.REMOVE_OCP, host, Map.of("container", "ocp-gone"), 60, 3);
        StepSucceeded succeeded = success(request);
        assertEquals(3, succeeded.tries());
        List<StepTryEntity> tries = tries(request);
        assertEquals(List.of(75, 75, 0), tries.stream().map(t -> t.exitStatus).toList());
        assertTrue(tries.get(0).retryable && tries.get(1).retryable);
        assertTrue(tries.get(1).finishedAt.isAfter(tries.get(0).finishedAt.plusNanos(190_000_000)), "backed off");
        assertEquals(3, host.journal().stream().filter(e -> e.commandLine().startsWith("docker ps -a --filter name=^ocp-gone$"))
                .count(), "one docker call per try");
    }

    @Test
    void hungStep_timesOutAndIsReportedRetryable() throws Exception {
        try (OcpFixture ocp = new OcpFixture(ExecutorLabResource.ADMIN_PASSWORD, ExecutorLabResource.fleet().host(1))
                .status("bad")) {
            StepRequested request = request(StepKinds.WAIT_OCP_HEALTHY, ExecutorLabResource.fleet().host(1),
                    Map.of("url", ocp.url(), "adminPasswordRef", ExecutorLabResource.ADMIN_PASSWORD_REF,
                            "waitSeconds", "600", "intervalSeconds", "1"), 2, 2);
            StepFailed failed = failure(request);
            assertTrue(failed.retryable());
            assertEquals(2, failed.tries());
            assertTrue(failed.reason().contains("did not finish within 2 s"), failed.reason());
            assertTrue(failed.durationMillis() < 30_000, "gave up instead of waiting 600 s");
        }
    }

    @Test
    void hungStandIn_isAbandonedAtEachTrysTimeoutAndReportedRetryable() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(2);
        host.hangTool("docker"); // the lab's hang fault: docker never returns
        try {
            StepFailed failed = failure(request(StepKinds.REMOVE_OCP, host, Map.of("container", "ocp-hung"), 2, 2));
            assertTrue(failed.retryable());
            assertEquals(2, failed.tries());
            assertTrue(failed.reason().contains("did not finish within 2 s"), failed.reason());
        } finally {
            host.clearFaults();
        }
        success(request(StepKinds.REMOVE_OCP, host, Map.of("container", "ocp-hung"), 30, 1)); // the host is usable again
    }

    @Test
    void secrets_reachTheHostOnlyOnStdinAndAreRedactedEverywhere() throws Exception {
        String secret = ExecutorLabResource.ADMIN_PASSWORD;
        // an OCP whose status page leaks the password: the executor must not pass it on
        try (OcpFixture ocp = new OcpFixture(secret, ExecutorLabResource.fleet().host(0))
                .status("bad: logged in with " + secret)) {
            StepRequested request = request(StepKinds.WAIT_OCP_HEALTHY, ExecutorLabResource.fleet().host(0),
                    Map.of("url", ocp.url(), "adminPasswordRef", ExecutorLabResource.ADMIN_PASSWORD_REF,
                            "waitSeconds", "2", "intervalSeconds", "1"), 60, 1);
            try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
                send(topicRecord(Topics.STEP_COMMANDS, request, EventType.STEP_REQUESTED));
                ConsumerRecord<String, String> failed = events.awaitMatching(r -> ofDeployment(r, request)
                        && type(r).equals(EventType.STEP_FAILED.ceType()), 1, OUTCOME).get(0);
                assertTrue(ocp.requests().contains("GET /api/status"), "the password worked: " + ocp.requests());
                String reason = mapper.readValue(failed.value(), StepFailed.class).reason();
                assertTrue(reason.contains("logged in with ******"), reason);
                for (ConsumerRecord<String, String> event : events.drain(Duration.ofSeconds(1))) {
                    assertFalse(event.value().contains(secret), "a secret in " + type(event));
                }
            }
            StepRunEntity run = run(request);
            assertFalse(run.command.contains(secret));
            assertFalse(String.valueOf(run.error).contains(secret));
            assertFalse(String.valueOf(run.outputTail).contains(secret));
        }
    }

    @Test
    void mutatingStepsOnOneHost_runOneAtATime_whileOtherHostsRunSideBySide() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(1);
        LabHost other = ExecutorLabResource.fleet().host(0);
        // a slow host: each command starts late, so a step lasts long enough for an overlap to show
        host.slow(Duration.ofMillis(400));
        try {
            List<StepRequested> sameHost = List.of(request(StepKinds.PREPARE_HOST, host, Map.of("directories", "one"), 60, 1),
                    request(StepKinds.PREPARE_HOST, host, Map.of("directories", "two"), 60, 1),
                    request(StepKinds.PREPARE_HOST, host, Map.of("directories", "three"), 60, 1));
            for (StepRequested request : sameHost) {
                send(topicRecord(Topics.STEP_COMMANDS, request, EventType.STEP_REQUESTED));
            }
            for (StepRequested request : sameHost) {
                awaitStatus(request, "SUCCEEDED");
            }
            List<Instant[]> spans = spans(sameHost);
            for (int i = 1; i < spans.size(); i++) {
                assertFalse(spans.get(i)[0].isBefore(spans.get(i - 1)[1]), "a step started before the previous ended");
            }
        } finally {
            host.slow(Duration.ZERO);
        }

        // a step held up on one host does not hold up another host's: the other one starts and ends meanwhile
        other.slow(Duration.ofSeconds(8));
        try {
            StepRequested held = request(StepKinds.PREPARE_HOST, other, Map.of("directories", "a"), 60, 1);
            send(topicRecord(Topics.STEP_COMMANDS, held, EventType.STEP_REQUESTED));
            awaitStatus(held, "RUNNING");
            StepRequested meanwhile = request(StepKinds.PREPARE_HOST, host, Map.of("directories", "b"), 60, 1);
            send(topicRecord(Topics.STEP_COMMANDS, meanwhile, EventType.STEP_REQUESTED));
            awaitStatus(meanwhile, "SUCCEEDED");
            assertEquals("RUNNING", run(held).status, "the step on the other host waited for the held one");
            awaitStatus(held, "SUCCEEDED");
        } finally {
            other.slow(Duration.ZERO);
        }
    }

    private List<Instant[]> spans(List<StepRequested> requests) {
        return requests.stream().map(r -> {
            StepRunEntity run = run(r);
            return new Instant[] {run.startedAt.toInstant(), run.finishedAt.toInstant()};
        }).sorted(java.util.Comparator.comparing(span -> span[0])).toList();
    }

    @Test
    void firstContactPinsTheHostKey_andAnOperatorCanListAndForgetIt() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(0);
        success(request(StepKinds.PREPARE_HOST, host, Map.of("directories", "pinned"), 60, 1));
        String hostPort = host.address() + ":" + host.sshPort();
        PinnedHostKey pin = pins.find(hostPort).orElseThrow();
        assertTrue(Files.readString(ExecutorLabResource.fleet().knownHosts()).contains(pin.publicKey()));
        asAdmin().get("/host-keys").then().statusCode(200)
                .body("find { it.host == '" + hostPort + "' }.fingerprint", org.hamcrest.Matchers.equalTo(pin.fingerprint()));
        asAdmin().delete("/host-keys/no-such-host:22").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void hostWhoseKeyChanged_isRefusedNamingBothFingerprints() throws Exception {
        LabHost host = ExecutorLabResource.fleet().host(3);
        String hostPort = host.address() + ":" + host.sshPort();
        success(request(StepKinds.PREPARE_HOST, host, Map.of("directories", "before"), 60, 1)); // pins its key
        PinnedHostKey pinned = pins.find(hostPort).orElseThrow();
        host.rotateHostKey(); // reinstalled, or someone in between
        try {
            StepFailed failed = failure(request(StepKinds.PREPARE_HOST, host, Map.of("directories", "refused"), 60, 3));
            assertFalse(failed.retryable());
            assertEquals(1, failed.tries(), "a changed key is not retried");
            assertTrue(failed.reason().contains(hostPort), failed.reason());
            assertTrue(failed.reason().contains(pinned.fingerprint()), failed.reason());
            String presented = fingerprint(java.nio.file.Files.readString(host.root().resolve("etc/ssh/ssh_host_ecdsa_key.pub"))
                    .split(" ")[1]);
            assertTrue(failed.reason().contains(presented), failed.reason());
            assertFalse(Files.exists(host.root().resolve("root/refused")));
            assertEquals(pinned, pins.find(hostPort).orElseThrow(), "the pin is not replaced silently");
        } finally {
            host.restoreHostKey();
        }
    }

    @Test
    void azAssigned_asksTheOperatorForEachNodesAzParameters_andEachStepSucceedsOnceItsOcpAnswersOkay() throws Exception {
        LabHost first = ExecutorLabResource.fleet().host(0);
        LabHost second = ExecutorLabResource.fleet().host(1);
        String deploymentId = UUID.randomUUID().toString();
        List<AzNode> nodes = List.of(node(first), node(second));
        AzAssigned event = new AzAssigned(deploymentId, "c1", "az1", nodes, "10.0.1.1:80", "http://10.0.1.1:80",
                "10.0.1.2:2883", "10.0.1.5:2883", "ocp", ExecutorLabResource.ADMIN_PASSWORD_REF, 1, PROFILE);
        List<OperatorActionRequired> actions;
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.TOPOLOGY, event, EventType.AZ_ASSIGNED));
            actions = events.awaitMatching(r -> deploymentId.equals(TopicProbe.header(r, EventHeaders.SUBJECT))
                    && type(r).equals(EventType.OPERATOR_ACTION_REQUIRED.ceType()), 2, OUTCOME).stream()
                    .map(r -> read(r, OperatorActionRequired.class)).toList();
        }
        assertEquals(List.of(StepKinds.azParametersStepId("az1", "host-1"), StepKinds.azParametersStepId("az1", "host-2")),
                actions.stream().map(OperatorActionRequired::stepId).sorted().toList());
        OperatorActionRequired action = actions.get(0);
        assertEquals("http://10.0.1.1:80", action.fields().get("ocp.site.url"));
        assertEquals("http://10.0.1.1:80", action.fields().get("ocp.config-url.site.url"));
        assertEquals("10.0.1.5", action.fields().get("ocp.monitordb.host"));
        assertEquals("2883", action.fields().get("ocp.monitordb.port"));
        assertTrue(action.instructions().contains("OCP 多可用区模式 > 参数列表"), action.instructions());
        assertTrue(action.source().endsWith("300.manage-multi-zone-parameters.md"), action.source());
        // the executor reaches an AZ node's OCP on the node's address and the configured OCP port
        try (OcpFixture ocp = new OcpFixture(ExecutorLabResource.ADMIN_PASSWORD, ExecutorLabResource.ocpHttpPort(),
                first.address(), second.address());
             TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            for (OperatorActionRequired asked : actions) {
                send(topicRecord(Topics.STEP_COMMANDS, completion(asked, "set in the console"),
                        EventType.OPERATOR_ACTION_COMPLETED));
            }
            List<ConsumerRecord<String, String>> outcomes = events.awaitMatching(r -> deploymentId.equals(
                    TopicProbe.header(r, EventHeaders.SUBJECT)) && (type(r).equals(EventType.STEP_SUCCEEDED.ceType())
                    || type(r).equals(EventType.STEP_FAILED.ceType())), 2, OUTCOME);
            assertTrue(outcomes.stream().allMatch(r -> type(r).equals(EventType.STEP_SUCCEEDED.ceType())),
                    outcomes.stream().map(ConsumerRecord::value).toList().toString());
        }
    }

    private static AzNode node(LabHost host) {
        return new AzNode(host.name(), new HostAccess(host.address(), host.sshPort(), "root", ExecutorLabResource.CREDENTIAL));
    }

    static Map<String, String> metaDbParameters() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("media", LabMedia.OCEANBASE_CE.name());
        parameters.put("mediaDir", "/data/images/" + LabMedia.OCEANBASE_CE.name());
        parameters.put("metaDbCluster", "obcluster");
        parameters.put("clusterId", "1");
        parameters.put("zone", "z1");
        parameters.put("address", "10.0.0.1");
        parameters.put("rsList", "10.0.0.1:2882:2881");
        parameters.put("cpu", "4");
        parameters.put("memoryGb", "8");
        parameters.put("systemMemoryGb", "1");
        parameters.put("datafileGb", "2");
        parameters.put("logDiskGb", "24");
        parameters.put("mysqlPort", "2881");
        parameters.put("rpcPort", "2882");
        parameters.put("installDir", "/home/admin/oceanbase");
        parameters.put("dataDir", "/data/1");
        parameters.put("logDir", "/log/1");
        return parameters;
    }

    private StepFailed failure(StepRequested request) throws Exception {
        return mapper.readValue(outcome(request, EventType.STEP_FAILED).value(), StepFailed.class);
    }

    private StepSucceeded success(StepRequested request) throws Exception {
        return mapper.readValue(outcome(request, EventType.STEP_SUCCEEDED).value(), StepSucceeded.class);
    }

    private ConsumerRecord<String, String> outcome(StepRequested request, EventType expected) throws Exception {
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(topicRecord(Topics.STEP_COMMANDS, request, EventType.STEP_REQUESTED));
            ConsumerRecord<String, String> outcome = events.awaitMatching(r -> ofDeployment(r, request)
                    && (type(r).equals(EventType.STEP_SUCCEEDED.ceType()) || type(r).equals(EventType.STEP_FAILED.ceType()))
                    && r.value().contains("\"stepId\":\"" + request.stepId() + "\"")
                    && r.value().contains("\"attempt\":" + request.attempt() + ","), 1, OUTCOME).get(0);
            assertEquals(expected.ceType(), type(outcome), outcome.value());
            return outcome;
        }
    }

    private void awaitStatus(StepRequested request, String status) throws InterruptedException {
        long deadline = System.nanoTime() + OUTCOME.toNanos();
        while (System.nanoTime() < deadline) {
            StepRunEntity run = run(request);
            if (run != null && status.equals(run.status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("step " + request.stepId() + " did not reach " + status);
    }

    private static StepRunEntity run(StepRequested request) {
        return QuarkusTransaction.requiringNew().call(() ->
                StepRunEntity.find(UUID.fromString(request.deploymentId()), request.stepId(), request.attempt()));
    }

    private static List<StepTryEntity> tries(StepRequested request) {
        return QuarkusTransaction.requiringNew().call(() -> StepTryEntity.ofRun(
                StepRunEntity.find(UUID.fromString(request.deploymentId()), request.stepId(), request.attempt()).id));
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return mapper.readValue(record.value(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static StepRequested request(String kind, LabHost host, Map<String, String> parameters, int timeoutSeconds, int maxTries) {
        return new StepRequested(UUID.randomUUID().toString(), kind.toLowerCase() + "@" + host.name(), kind, "test step",
                host.name(), "c1", new HostAccess(host.address(), host.sshPort(), "root", ExecutorLabResource.CREDENTIAL),
                parameters, timeoutSeconds, maxTries, 1, PROFILE);
    }

    private ProducerRecord<String, String> topicRecord(String topic, dev.ocpha.contracts.Event event, EventType type)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.deploymentId(), mapper.writeValueAsString(event));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SUBJECT, event.deploymentId().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void send(ProducerRecord<String, String> record) {
        TopicProbe.send(bootstrap, record);
    }

    private static boolean ofDeployment(ConsumerRecord<String, String> record, StepRequested request) {
        return request.deploymentId().equals(TopicProbe.header(record, EventHeaders.SUBJECT));
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.TYPE);
    }

    private static String fingerprint(String base64Blob) throws Exception {
        return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Base64.getDecoder().decode(base64Blob)));
    }
}
