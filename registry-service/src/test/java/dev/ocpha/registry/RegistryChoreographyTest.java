package dev.ocpha.registry;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.AzAssigned;
import dev.ocpha.contracts.events.DeploymentRetried;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.StandbyRegistrationRequested;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class RegistryChoreographyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    private void succeed(String id, PlannedStep step) throws Exception {
        publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, step.stepId(), step.kind(), step.host(), step.cluster(),
                1, 1, "executor-test", 5), Topics.hostKey(id, step.host()));
    }

    private void succeedAll(String id, PlanFixture plan, String... hosts) throws Exception {
        for (String host : hosts) {
            for (PlannedStep step : plan.stepsOf(host)) {
                succeed(id, step);
            }
        }
    }

    private void succeedRegistryStep(String id, String stepId, String kind, String host) throws Exception {
        publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, stepId, kind, host, null, 1, 1, "executor-test", 5),
                Topics.hostKey(id, host));
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.TYPE);
    }

    private static List<ConsumerRecord<String, String>> of(TopicProbe probe, String id, EventType type, int count) {
        return probe.awaitMatching(r -> id.equals(TopicProbe.header(r, EventHeaders.SUBJECT))
                && type.ceType().equals(type(r)), count, WAIT);
    }

    private static long count(TopicProbe probe, String id, EventType type) {
        return probe.drain(Duration.ofSeconds(2)).stream().filter(r -> id.equals(TopicProbe.header(r, EventHeaders.SUBJECT))
                && type.ceType().equals(type(r))).count();
    }

    @Test
    void nodeIsRegisteredOnceItsInstallStepsSucceeded_whateverTheOrderOfFacts() throws Exception {
        String id = UUID.randomUUID().toString();
        PlanFixture plan = new PlanFixture(id, "MULTI_NODE").cluster("solo", "PRIMARY", 1, 2);
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            succeedAll(id, plan, "solo-1"); // outcomes before the plan
            publish(EventType.DEPLOYMENT_PLANNED, plan.build(), id);
            ConsumerRecord<String, String> first = of(topology, id, EventType.NODE_REGISTERED, 1).get(0);
            assertTrue(first.value().contains("\"host\":\"solo-1\""), first.value());

            succeedAll(id, plan, "solo-2");
            succeedAll(id, plan, "solo-2"); // a redelivered outcome changes nothing
            of(topology, id, EventType.CLUSTER_ACTIVATED, 1);
            assertEquals(2, count(topology, id, EventType.NODE_REGISTERED), "one registration per node");
        }
        asAdmin().get("/deployments/" + id + "/topology").then().statusCode(200)
                .body("clusters[0].status", equalTo("ACTIVE"))
                .body("clusters[0].nodes.status", hasItems("REGISTERED", "REGISTERED"))
                .body("clusters[0].multiClusterRole", equalTo("STANDALONE"));
    }

    @Test
    void standbyReadyBeforePrimary_waitsForPrimaryThenIsRegisteredAndBound() throws Exception {
        String id = UUID.randomUUID().toString();
        PlanFixture plan = new PlanFixture(id, "MULTI_CLUSTER")
                .cluster("bj", "PRIMARY", 1, 2).cluster("sh", "STANDBY", 2, 2).cluster("sz", "STANDBY", 3, 1);
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            publish(EventType.DEPLOYMENT_PLANNED, plan.build(), id);
            succeedAll(id, plan, "sh-1", "sh-2", "sz-1"); // the standbys are ready first
            of(topology, id, EventType.NODE_REGISTERED, 3);
            assertEquals(0, count(topology, id, EventType.STANDBY_REGISTRATION_REQUESTED), "the primary is not active");

            succeedAll(id, plan, "bj-1", "bj-2");
            List<ConsumerRecord<String, String>> requests = of(topology, id, EventType.STANDBY_REGISTRATION_REQUESTED, 2);
            StandbyRegistrationRequested sh = requests.stream()
                    .map(r -> read(r.value(), StandbyRegistrationRequested.class))
                    .filter(r -> r.standbyCluster().equals("sh")).findFirst().orElseThrow();
            assertEquals("bj", sh.primaryCluster());
            assertEquals("10.0.1.1:2883", sh.primaryMetaDbAddress());
            assertEquals("meta_user@ocp_meta#bj-meta", sh.primaryMetaDbUser());
            assertEquals("meta-ref", sh.metaPasswordRef());
            assertEquals("sh-1", sh.standbyHost());

            for (String standby : List.of("sh", "sz")) {
                succeedRegistryStep(id, StepKinds.registerStandbyStepId(standby), StepKinds.REGISTER_STANDBY, standby + "-1");
            }
            of(topology, id, EventType.STANDBY_BOUND, 2);
            of(topology, id, EventType.CLUSTER_ACTIVATED, 3);
            assertEquals(2, count(topology, id, EventType.STANDBY_REGISTRATION_REQUESTED), "each standby once");
        }
        String primaryId = asAdmin().get("/clusters").then().statusCode(200).extract()
                .path("find { it.deploymentId == '" + id + "' && it.role == 'PRIMARY' }.id");
        asAdmin().get("/clusters/" + primaryId).then().statusCode(200)
                .body("multiClusterRole", equalTo("LEADER"))
                .body("standbys", hasSize(2))
                .body("standbys.binding", hasItems("BOUND", "BOUND"))
                .body("standbys.role", hasItems("STANDBY", "STANDBY"))
                .body("standbys[0].versionDiffersFromPrimary", equalTo(false))
                .body("standbys[0].heartbeat", notNullValue());
        asAdmin().get("/deployments/" + id + "/topology").then()
                .body("clusters.findAll { it.role == 'PRIMARY' }", hasSize(1));
    }

    @Test
    void failedRegistration_isReportedAndTheStandbyStaysUnbound_untilARetriedDeploymentAsksAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        PlanFixture plan = new PlanFixture(id, "MULTI_CLUSTER").cluster("p", "PRIMARY", 1, 1).cluster("s", "STANDBY", 2, 1);
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            publish(EventType.DEPLOYMENT_PLANNED, plan.build(), id);
            succeedAll(id, plan, "p-1", "s-1");
            of(topology, id, EventType.STANDBY_REGISTRATION_REQUESTED, 1);
            publish(EventType.STEP_FAILED, new StepFailed(id, StepKinds.registerStandbyStepId("s"),
                    StepKinds.REGISTER_STANDBY, "s-1", null, 1, 3, "executor-test",
                    "cannot reach the primary MetaDB 10.0.1.1:2883", false, 9), Topics.hostKey(id, "s-1"));
            ConsumerRecord<String, String> failed = of(topology, id, EventType.STANDBY_BINDING_FAILED, 1).get(0);
            assertTrue(failed.value().contains("cannot reach the primary MetaDB"), failed.value());
            asAdmin().get("/deployments/" + id + "/topology").then()
                    .body("clusters.find { it.name == 's' }.status", equalTo("FAILED"))
                    .body("clusters.find { it.name == 'p' }.standbys[0].binding", equalTo("FAILED"));

            publish(EventType.DEPLOYMENT_RETRIED, new DeploymentRetried(id, "DEPLOYING"), id);
            StandbyRegistrationRequested again = read(of(topology, id, EventType.STANDBY_REGISTRATION_REQUESTED, 2)
                    .get(1).value(), StandbyRegistrationRequested.class);
            assertEquals(2, again.attempt());
            assertEquals("s-1", again.standbyHost());
            publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, StepKinds.registerStandbyStepId("s"),
                    StepKinds.REGISTER_STANDBY, "s-1", null, 2, 1, "executor-test", 5), Topics.hostKey(id, "s-1"));
            of(topology, id, EventType.STANDBY_BOUND, 1);
        }
        asAdmin().get("/deployments/" + id + "/topology").then()
                .body("clusters.find { it.name == 'p' }.standbys[0].binding", equalTo("BOUND"));
    }

    @Test
    void multiAz_eachAzGetsItsOcpAndParametersThenBecomesActive() throws Exception {
        String id = UUID.randomUUID().toString();
        PlanFixture plan = new PlanFixture(id, "MULTI_AZ").cluster("ocp", "PRIMARY", 1, 3, "az1", "az2", "az3")
                .az("az1", "ocp", "10.1.1.100:80").az("az2", "ocp", "10.1.2.100:80").az("az3", "ocp", "10.1.3.100:80");
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            publish(EventType.DEPLOYMENT_PLANNED, plan.build(), id);
            succeedAll(id, plan, "ocp-2");
            AzAssigned az2 = read(of(topology, id, EventType.AZ_ASSIGNED, 1).get(0).value(), AzAssigned.class);
            assertEquals("az2", az2.az());
            assertEquals("http://10.1.2.100:80", az2.accessAddress());
            assertEquals("10.1.2.100:2883", az2.metaDbProxy());
            assertEquals(List.of("ocp-2"), az2.ocpNodes().stream().map(n -> n.host()).toList());
            assertEquals("admin-ref", az2.adminPasswordRef());

            succeedAll(id, plan, "ocp-1", "ocp-3");
            of(topology, id, EventType.AZ_ASSIGNED, 3);
            for (int i = 1; i <= 3; i++) {
                succeedRegistryStep(id, StepKinds.azParametersStepId("az" + i, "ocp-" + i),
                        StepKinds.APPLY_AZ_PARAMETERS, "ocp-" + i);
            }
            of(topology, id, EventType.AZ_ACTIVATED, 3);
            of(topology, id, EventType.CLUSTER_ACTIVATED, 1);
        }
        asAdmin().get("/deployments/" + id + "/topology").then()
                .body("placementProblems", hasSize(0))
                .body("azs.status", hasItems("ACTIVE", "ACTIVE", "ACTIVE"))
                .body("azs.find { it.name == 'az1' }.idcs[0].name", equalTo("idc-az1"))
                .body("azs.find { it.name == 'az1' }.ocpInstances[0].host", equalTo("ocp-1"))
                .body("azs.find { it.name == 'az1' }.metaDbReplicas", hasItems("ocp-1"));
        asAdmin().get("/azs").then().statusCode(200)
                .body("azs.findAll { it.deploymentId == '" + id + "' }", hasSize(3));
    }

    @Test
    void failedAzParameters_areReported_andAskedForAgainWhenTheDeploymentIsRetried() throws Exception {
        String id = UUID.randomUUID().toString();
        PlanFixture plan = new PlanFixture(id, "MULTI_AZ").cluster("z", "PRIMARY", 1, 1, "az1").az("az1", "z", "10.2.1.1:80");
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            publish(EventType.DEPLOYMENT_PLANNED, plan.build(), id);
            succeedAll(id, plan, "z-1");
            of(topology, id, EventType.AZ_ASSIGNED, 1);
            publish(EventType.STEP_FAILED, new StepFailed(id, StepKinds.azParametersStepId("az1", "z-1"),
                    StepKinds.APPLY_AZ_PARAMETERS, "z-1", null, 1, 3, "executor-test", "OCP did not come back", true, 9),
                    Topics.hostKey(id, "z-1"));
            assertTrue(of(topology, id, EventType.AZ_ACTIVATION_FAILED, 1).get(0).value().contains("did not come back"));

            publish(EventType.DEPLOYMENT_RETRIED, new DeploymentRetried(id, "DEPLOYING"), id);
            AzAssigned again = read(of(topology, id, EventType.AZ_ASSIGNED, 2).get(1).value(), AzAssigned.class);
            assertEquals(2, again.attempt());
            publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, StepKinds.azParametersStepId("az1", "z-1"),
                    StepKinds.APPLY_AZ_PARAMETERS, "z-1", null, 2, 1, "executor-test", 5), Topics.hostKey(id, "z-1"));
            of(topology, id, EventType.AZ_ACTIVATED, 1);
        }
    }

    @Test
    void verificationResults_markNodesVerifiedAndRefreshTheBindingHeartbeat() throws Exception {
        String id = UUID.randomUUID().toString();
        PlanFixture plan = new PlanFixture(id, "MULTI_CLUSTER").cluster("v", "PRIMARY", 1, 1).cluster("w", "STANDBY", 2, 1);
        try (TopicProbe topology = TopicProbe.subscribe(bootstrap, Topics.TOPOLOGY)) {
            publish(EventType.DEPLOYMENT_PLANNED, plan.build(), id);
            succeedAll(id, plan, "v-1", "w-1");
            of(topology, id, EventType.STANDBY_REGISTRATION_REQUESTED, 1);
            succeedRegistryStep(id, StepKinds.registerStandbyStepId("w"), StepKinds.REGISTER_STANDBY, "w-1");
            of(topology, id, EventType.STANDBY_BOUND, 1);
        }
        publish(EventType.DEPLOYMENT_VERIFIED, new DeploymentVerified(id, UUID.randomUUID().toString(), true, List.of(
                new VerificationItem("v-1", "api-status", "PASS", "okay", "okay", "OCP answers"),
                new VerificationItem("cluster:w", "standby-reaches-primary-metadb", "PASS", "FOLLOWER heartbeat ok, sync ok",
                        "bound", "bound"))),
                id);
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                asAdmin().get("/deployments/" + id + "/topology").then()
                        .body("clusters.find { it.name == 'v' }.nodes[0].verifiedAt", notNullValue())
                        .body("clusters.find { it.name == 'w' }.sync", equalTo("FOLLOWER heartbeat ok, sync ok")));
    }

    @Test
    void unknownDeploymentOrCluster_is404() {
        asAdmin().get("/deployments/" + UUID.randomUUID() + "/topology").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/clusters/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
