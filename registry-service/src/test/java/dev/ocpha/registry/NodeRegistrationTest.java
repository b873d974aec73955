package dev.ocpha.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class NodeRegistrationTest {

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private void publish(EventType type, Object payload, String key) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, mapper.writeValueAsString(payload));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(bootstrap, record);
    }

    private static DeploymentPlanned plan(String id) {
        HostAccess access = new HostAccess("127.0.10.9", 22, "root", "lab");
        return new DeploymentPlanned(id, "reg", List.of("MULTI_NODE"), "4.2.2", "sandbox",
                List.of(new PlannedCluster("reg", "PRIMARY", 1, null, null, "reg", null, false, List.of("a", "b"))),
                List.of(),
                List.of(new PlannedHost("a", access, "reg", null, null, null, HostRoles.ALL, null),
                        new PlannedHost("b", access, "reg", null, null, null, HostRoles.ALL, null)),
                List.of(step("s1@a", "a", List.of()), step("s2@a", "a", List.of("s1@a")), step("s1@b", "b", List.of())),
                List.of(), Map.of());
    }

    private static PlannedStep step(String stepId, String host, List<String> dependsOn) {
        return new PlannedStep(stepId, "deploy", "K", host, "reg", "d", dependsOn, List.of(), Map.of(), 60, 1);
    }

    private static StepSucceeded succeeded(String id, String stepId, String host) {
        return new StepSucceeded(id, stepId, "K", host, "reg", 1, 1, "executor-test", 5);
    }

    @Test
    void nodeIsRegisteredOnceAllItsStepsSucceeded_whateverTheOrderOfFacts() throws Exception {
        String id = UUID.randomUUID().toString();
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            // step outcomes of host a arrive before the plan, host b's after it
            publish(EventType.STEP_SUCCEEDED, succeeded(id, "s2@a", "a"), id + "/a");
            publish(EventType.STEP_SUCCEEDED, succeeded(id, "s1@a", "a"), id + "/a");
            publish(EventType.DEPLOYMENT_PLANNED, plan(id), id);
            List<ConsumerRecord<String, String>> registered = topology.awaitMatching(r -> id.equals(
                    TopicProbe.header(r, EventHeaders.SUBJECT)), 1, Duration.ofSeconds(30));
            assertEquals(1, registered.size());
            assertEquals(EventType.NODE_REGISTERED.ceType(), TopicProbe.header(registered.get(0), EventHeaders.TYPE));

            publish(EventType.STEP_SUCCEEDED, succeeded(id, "s1@b", "b"), id + "/b");
            publish(EventType.STEP_SUCCEEDED, succeeded(id, "s1@b", "b"), id + "/b");
            topology.awaitMatching(r -> id.equals(TopicProbe.header(r, EventHeaders.SUBJECT)), 2, Duration.ofSeconds(30));
            long total = topology.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> id.equals(TopicProbe.header(r, EventHeaders.SUBJECT))).count();
            assertEquals(2, total, "one registration per node");
        }
        given().get("/deployments/" + id + "/topology").then().statusCode(200)
                .body("clusters[0].nodes.size()", equalTo(2))
                .body("clusters[0].nodes[0].status", equalTo("REGISTERED"))
                .body("clusters[0].nodes[1].status", equalTo("REGISTERED"));
    }

    @Test
    void unknownDeployment_is404() {
        given().get("/deployments/" + UUID.randomUUID() + "/topology").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
