package dev.ocpha.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.installer.Edition;
import dev.ocpha.devstack.LabTopology;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.LabHost;
import dev.ocpha.subscriber.DeploymentWatcher;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The base case on one lab host, through the four services as separate processes: every hop crosses Kafka (each
 * event names the event that caused it), the host sees the seed's procedure in order, and an outside subscriber that
 * starts after the end still reads the whole story.
 */
class SingleNodeDeploymentTest {

    static E2eSystem system;
    static LabHost host;
    static String id;
    static String correlationId = "single-" + UUID.randomUUID();
    static List<ConsumerRecord<String, String>> events;

    @BeforeAll
    static void deploy() {
        system = E2eSystem.get();
        host = system.hosts(1).get(0);
        try (TopicProbe topics = TopicProbe.subscribe(system.infra.kafkaBootstrapServers(),
                Topics.EVENT_TOPICS.toArray(String[]::new))) {
            id = system.submit(LabTopology.named("single", "SINGLE_NODE").host(host, null, "region-1", "idc-1")
                    .toYaml(), correlationId);
            system.awaitSucceeded(id);
            topics.awaitMatching(r -> id.equals(subject(r)) && type(r).equals(EventType.DEPLOYMENT_SUCCEEDED.ceType()),
                    1, Duration.ofSeconds(30));
            events = topics.drain(Duration.ofSeconds(1)).stream().filter(r -> id.equals(subject(r))).toList();
        }
    }

    @Test
    void everyVendorCallOnTheHosts_isAnActionOfTheInstallerProfile() {
        Journals.assertConformToProfile(List.of(host), Edition.COMMUNITY);
    }

    @Test
    void everyHopCrossesKafka_eachEventNamingItsCause() {
        assertProducedBy(EventType.DEPLOYMENT_PLANNED, "planner-service", null);
        assertProducedBy(EventType.ENVIRONMENT_CHECK_REQUESTED, "planner-service", EventType.STEP_SUCCEEDED);
        assertProducedBy(EventType.ENVIRONMENT_CHECKED, "checker-service", EventType.ENVIRONMENT_CHECK_REQUESTED);
        assertProducedBy(EventType.STEP_STARTED, "executor-service", EventType.STEP_REQUESTED);
        assertProducedBy(EventType.STEP_SUCCEEDED, "executor-service", EventType.STEP_REQUESTED);
        assertProducedBy(EventType.NODE_REGISTERED, "registry-service", EventType.STEP_SUCCEEDED);
        assertProducedBy(EventType.VERIFICATION_REQUESTED, "planner-service", null);
        assertProducedBy(EventType.DEPLOYMENT_VERIFIED, "checker-service", EventType.VERIFICATION_REQUESTED);
        assertProducedBy(EventType.DEPLOYMENT_SUCCEEDED, "planner-service", EventType.DEPLOYMENT_VERIFIED);
        for (ConsumerRecord<String, String> record : events) {
            assertEquals(correlationId, TopicProbe.header(record, EventHeaders.CORRELATION_ID),
                    type(record) + " lost the correlation id");
            if (record.topic().equals(Topics.STEP_COMMANDS) || record.topic().equals(Topics.STEP_EVENTS)) {
                assertEquals(id + "/" + host.name(), record.key(), "one host's steps share a key, and so a partition");
            }
        }
    }

    @Test
    void theHostSeesTheSeedsProcedureInOrder_eachCommandOnce() {
        Journals.assertInOrder(host, List.of("useradd", "docker load -i", "observer -I " + host.address(),
                "ALTER SYSTEM BOOTSTRAP", "CREATE USER IF NOT EXISTS proxyro", "obproxy -r", "docker run -d --name ocp",
                "GET /api/status => 200"));
        // the system parameters go in at the first start (there is no API for them)
        assertEquals(1, Journals.count(host, "OCP_CONFIG_PROPERTIES=server.port:8080\nocp.site.url:http://" + host.address()
                + ":8080\n"), Journals.lines(host).toString());
        assertEquals(0, Journals.count(host, "/api/v2/config"));
        assertEquals(1, Journals.count(host, "ALTER SYSTEM BOOTSTRAP"));
        assertEquals(1, Journals.count(host, "docker run -d --name ocp"));
        String admin = system.adminPassword();
        assertFalse(Journals.lines(host).stream().anyMatch(line -> line.contains(admin)), "a secret in the journal");
    }

    @Test
    void theRegistryAndTheReportShowAHealthyNode() {
        JsonPath report = system.report(id);
        assertTrue(report.getBoolean("environmentCheck.passed"), report.prettify());
        assertTrue(report.getBoolean("verification.passed"), report.prettify());
        List<String> checks = report.getList("verification.items.findAll { it.target == '" + host.name() + "' }.check");
        assertTrue(checks.size() >= 4, "per-node verification items: " + checks);
        system.registry().get("/deployments/" + id + "/topology").then().statusCode(200)
                .body("clusters[0].status", equalTo("ACTIVE"))
                .body("clusters[0].multiClusterRole", equalTo("STANDALONE"))
                .body("clusters[0].nodes[0].status", equalTo("REGISTERED"));
        // the registry records the checker's DeploymentVerified as the planner does, independently of DeploymentSucceeded
        await().atMost(E2eSystem.FACT_TIMEOUT).untilAsserted(() -> system.registry()
                .get("/deployments/" + id + "/topology").then()
                .body("clusters[0].nodes[0].verifiedAt", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void everyServiceLogsTheCorrelationId() throws IOException {
        for (ServiceProcess service : List.of(system.stack.planner(), system.stack.checker(), system.stack.registry())) {
            assertTrue(Files.readString(service.log()).contains(correlationId),
                    service.name() + " did not log the correlation id");
        }
        // one host's steps share a partition, so one executor of the group ran them all
        boolean executorLogged = false;
        for (ServiceProcess executor : system.stack.executors()) {
            executorLogged |= Files.readString(executor.log()).contains(correlationId);
        }
        assertTrue(executorLogged, "no executor logged the correlation id");
    }

    @Test
    void aSubscriberStartedAfterTheEnd_readsTheWholeStoryFromTheTopics() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new CommandLine(new DeploymentWatcher(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("--bootstrap-servers", system.infra.kafkaBootstrapServers(), "--deployment", id,
                        "--until-finished");
        String story = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, story);
        for (String line : List.of("DeploymentPlanned", "EnvironmentChecked", "StepSucceeded", "NodeRegistered",
                "DeploymentVerified", "DeploymentSucceeded")) {
            assertTrue(story.contains(line), line + " missing from:\n" + story);
        }
    }

    private static void assertProducedBy(EventType type, String producer, EventType causedBy) {
        List<ConsumerRecord<String, String>> ofType = events.stream().filter(r -> type(r).equals(type.ceType())).toList();
        assertFalse(ofType.isEmpty(), type.ceType() + " was never published; saw "
                + events.stream().map(SingleNodeDeploymentTest::type).collect(Collectors.toSet()));
        Set<String> causes = causedBy == null ? Set.of() : events.stream().filter(r -> type(r).equals(causedBy.ceType()))
                .map(r -> TopicProbe.header(r, EventHeaders.ID)).collect(Collectors.toSet());
        for (ConsumerRecord<String, String> record : ofType) {
            assertEquals("/ocpha/" + producer, TopicProbe.header(record, EventHeaders.SOURCE));
            assertEquals(type.topic(), record.topic());
            assertNotNull(TopicProbe.header(record, EventHeaders.CAUSATION_ID), type.ceType() + " names no cause");
            if (causedBy != null) {
                assertTrue(causes.contains(TopicProbe.header(record, EventHeaders.CAUSATION_ID)),
                        type.ceType() + " should be caused by a " + causedBy.ceType());
            }
        }
    }

    private static String subject(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.SUBJECT);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.TYPE);
    }
}
