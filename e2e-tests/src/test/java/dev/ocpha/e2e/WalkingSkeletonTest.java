package dev.ocpha.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.Topics;
import dev.ocpha.devstack.LocalStack;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.infra.SharedInfrastructure;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.LabFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton: the four services as separate processes on the real broker and database, one lab host.
 * A deployment goes planner -> checker (SSH probe) -> planner -> executor (SSH step) -> registry -> planner, and
 * every hop is shown to have crossed Kafka: each event names the event that caused it.
 */
class WalkingSkeletonTest {

    @TempDir
    static Path work;
    static LabFleet fleet;
    static LocalStack stack;
    static SharedInfrastructure infra;

    @BeforeAll
    static void startEverything() {
        infra = SharedInfrastructure.get();
        fleet = LabFleet.start(work.resolve("lab"), 1);
        stack = LocalStack.start(Path.of("..").toAbsolutePath().normalize(),
                new ServiceProcess.Infrastructure(infra.kafkaBootstrapServers(), infra.jdbcUrl(), infra.username(),
                        infra.password()),
                fleet, 1, LocalStack.Ports.free(), work.resolve("logs"));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static String topology() {
        var host = fleet.host(0);
        return """
                {"name": "skeleton", "mode": "SINGLE_NODE", "managedHosts": 10, "sizingProfile": "sandbox",
                 "ocp": {"version": "4.2.2", "media": {"ocp": "ocp-4.2.2", "metaDb": "oceanbase-4.2.1"}},
                 "passwords": {"metaDbRoot": {"secretRef": "metadb-root"}, "metaTenant": {"secretRef": "ocp-meta"},
                               "monitorTenant": {"secretRef": "ocp-monitor"}, "ocpAdmin": {"secretRef": "ocp-admin"}},
                 "hosts": [{"name": "ocp-1", "address": "%s", "sshPort": %d, "user": "root", "credentialRef": "lab"}]}
                """.formatted(host.address(), host.sshPort());
    }

    @Test
    void deploymentCrossesEveryServiceOverKafkaAndSucceeds() throws IOException {
        String correlationId = "skeleton-" + UUID.randomUUID();
        try (TopicProbe topics = TopicProbe.subscribe(infra.kafkaBootstrapServers(), Topics.EVENT_TOPICS.toArray(String[]::new))) {
            String id = given().baseUri(stack.planner().url()).contentType("application/json")
                    .header("X-Correlation-Id", correlationId).body(topology())
                    .post("/deployments").then().statusCode(202).extract().path("id");

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                    given().baseUri(stack.planner().url()).get("/deployments/" + id).then().extract()
                            .path("status"), status -> status.equals("SUCCEEDED") || status.equals("FAILED"));
            given().baseUri(stack.planner().url()).get("/deployments/" + id).then()
                    .body("status", equalTo("SUCCEEDED"))
                    .body("steps[0].status", equalTo("SUCCEEDED"))
                    .body("steps[0].executorId", equalTo("executor-1"));

            List<ConsumerRecord<String, String>> events = topics.awaitMatching(r -> id.equals(subject(r))
                    && type(r).equals(EventType.DEPLOYMENT_SUCCEEDED.ceType()), 1, Duration.ofSeconds(30));
            Map<String, ConsumerRecord<String, String>> byType = topics.drain(Duration.ZERO).stream()
                    .filter(r -> id.equals(subject(r)))
                    .collect(Collectors.toMap(WalkingSkeletonTest::type, Function.identity(), (a, b) -> a));
            assertTrue(!events.isEmpty());

            assertHop(byType, EventType.DEPLOYMENT_PLANNED, "planner-service", null);
            assertHop(byType, EventType.ENVIRONMENT_CHECK_REQUESTED, "planner-service", null);
            assertHop(byType, EventType.ENVIRONMENT_CHECKED, "checker-service", EventType.ENVIRONMENT_CHECK_REQUESTED);
            assertHop(byType, EventType.STEP_REQUESTED, "planner-service", EventType.ENVIRONMENT_CHECKED);
            assertHop(byType, EventType.STEP_STARTED, "executor-service", EventType.STEP_REQUESTED);
            assertHop(byType, EventType.STEP_SUCCEEDED, "executor-service", EventType.STEP_REQUESTED);
            assertHop(byType, EventType.NODE_REGISTERED, "registry-service", EventType.STEP_SUCCEEDED);
            assertHop(byType, EventType.DEPLOYMENT_SUCCEEDED, "planner-service", null);
            assertEquals(id + "/ocp-1", byType.get(EventType.STEP_REQUESTED.ceType()).key());
            for (ConsumerRecord<String, String> record : byType.values()) {
                assertEquals(correlationId, TopicProbe.header(record, EventHeaders.CORRELATION_ID),
                        type(record) + " lost the correlation id");
            }
            // the executor's step really ran over SSH on the lab host
            assertTrue(Files.isDirectory(fleet.host(0).root().resolve("root/logs/ocp")));
            given().baseUri(stack.registry().url()).get("/deployments/" + id + "/topology").then().statusCode(200)
                    .body("clusters[0].nodes[0].status", equalTo("REGISTERED"));
            for (ServiceProcess service : stack.services()) {
                assertTrue(Files.readString(service.log()).contains(correlationId),
                        service.name() + " did not log the correlation id");
            }
        }
    }

    private static void assertHop(Map<String, ConsumerRecord<String, String>> byType, EventType type, String producer,
                                  EventType causedBy) {
        ConsumerRecord<String, String> record = byType.get(type.ceType());
        assertTrue(record != null, type.ceType() + " was never published; saw " + byType.keySet());
        assertEquals("/ocpha/" + producer, TopicProbe.header(record, EventHeaders.SOURCE));
        assertEquals(type.topic(), record.topic());
        if (causedBy != null) {
            assertEquals(TopicProbe.header(byType.get(causedBy.ceType()), EventHeaders.ID),
                    TopicProbe.header(record, EventHeaders.CAUSATION_ID),
                    type.ceType() + " should be caused by " + causedBy.ceType());
        }
    }

    private static String subject(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.SUBJECT);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.TYPE);
    }
}
