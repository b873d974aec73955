package dev.ocpha.planner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.ClusterActivated;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.OperatorActionCompleted;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.events.StandbyBindingFailed;
import dev.ocpha.contracts.events.AzActivationFailed;
import dev.ocpha.contracts.events.StandbyBound;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The deployment flow driven by the other services' events, published on the real broker: hosts added, environment
 * checked, steps run, registry facts, verification, failures, retries and teardown.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class DeploymentFlowTest {

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private void publish(EventType type, Object payload, String key) {
        Api.publish(bootstrap, mapper, type, payload, key);
    }

    /** Reports success for every step the planner has requested and not yet heard of. */
    private int succeedRequested(String id) {
        List<Map<String, Object>> requested = Api.steps(id, "REQUESTED");
        for (Map<String, Object> step : requested) {
            String host = (String) step.get("host");
            int attempt = (Integer) step.get("attempts");
            publish(EventType.STEP_STARTED, new StepStarted(id, (String) step.get("stepId"), (String) step.get("kind"),
                    host, attempt, "executor-test"), Topics.hostKey(id, host));
            publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, (String) step.get("stepId"),
                    (String) step.get("kind"), host, (String) step.get("cluster"), attempt, 1, "executor-test", 5),
                    Topics.hostKey(id, host));
        }
        return requested.size();
    }

    private void awaitStep(String id, String stepId, String status) {
        await().atMost(Api.WAIT).until(() -> Api.steps(id, status).stream().anyMatch(s -> stepId.equals(s.get("stepId"))));
    }

    private void passEnvironmentCheck(String id) {
        await().atMost(Api.WAIT).until(() -> {
            succeedRequested(id);
            return Api.status(id).equals("CHECKING_ENVIRONMENT");
        });
        publish(EventType.ENVIRONMENT_CHECKED, new EnvironmentChecked(id, "run-1", true, 3, List.of()), id);
        Api.awaitStatus(id, "DEPLOYING");
    }

    private static boolean isFor(ConsumerRecord<String, String> record, String id, EventType type) {
        return id.equals(TopicProbe.header(record, EventHeaders.SUBJECT))
                && type.ceType().equals(TopicProbe.header(record, EventHeaders.TYPE));
    }

    @Test
    void sandboxDeployment_runsToSucceededWithReport() {
        try (TopicProbe deployments = TopicProbe.subscribe(bootstrap, Topics.DEPLOYMENTS)) {
            String id = Api.submit("sandbox-lab");
            passEnvironmentCheck(id);
            ConsumerRecord<String, String> check = deployments.awaitMatching(
                    r -> isFor(r, id, EventType.ENVIRONMENT_CHECK_REQUESTED), 1, Api.WAIT).get(0);
            assertTrue(check.value().contains("\"sizingProfile\":\"sandbox\""), check.value());
            assertTrue(check.value().contains("\"requirement\""), check.value());
            for (String host : List.of("lab-1", "lab-2", "lab-3")) {
                publish(EventType.NODE_REGISTERED, new NodeRegistered(id, "lab", host, null, "http://x:8080"), id);
            }
            publish(EventType.CLUSTER_ACTIVATED, new ClusterActivated(id, "lab", "PRIMARY"), id);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                succeedRequested(id);
                return Api.status(id).equals("VERIFYING");
            });
            String verification = deployments.awaitMatching(r -> isFor(r, id, EventType.VERIFICATION_REQUESTED), 1,
                    Api.WAIT).get(0).value();
            assertTrue(verification.contains("\"adminPasswordRef\":\"ocp-admin\""), verification);
            publish(EventType.DEPLOYMENT_VERIFIED, new DeploymentVerified(id, "report-7", true, List.of(
                    new VerificationItem("lab-1", "status", "PASS", "okay", "okay", "OCP answers"))), id);
            Api.awaitStatus(id, "SUCCEEDED");
            String succeeded = deployments.awaitMatching(r -> isFor(r, id, EventType.DEPLOYMENT_SUCCEEDED), 1,
                    Api.WAIT).get(0).value();
            assertTrue(succeeded.contains("\"reportId\":\"report-7\""), succeeded);
            Api.given().get("/deployments/" + id + "/report").then().statusCode(200)
                    .body("environmentCheck.passed", equalTo(true))
                    .body("verification.reportId", equalTo("report-7"))
                    .body("verification.items[0].check", equalTo("status"));
            String stream = Api.given().get("/deployments/" + id + "/events").then().extract().asString();
            assertTrue(stream.contains("event:fact") && stream.contains("event:verified"), stream);
            assertTrue(stream.contains("executor-test"), stream);
        }
    }

    @Test
    void stepsDoneAndNodesRegistered_staysDeployingUntilTheRegistryActivatesTheCluster() {
        String id = Api.submit("single-node");
        passEnvironmentCheck(id);
        publish(EventType.NODE_REGISTERED, new NodeRegistered(id, "single", "ocp-1", null, "http://x:8080"), id);
        // the planner judges completion in the same transaction that records a step or a fact, so once both are
        // visible the deployment has been judged with every step done and the node registered
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            succeedRequested(id);
            return Api.steps(id, "PENDING").isEmpty() && Api.steps(id, "REQUESTED").isEmpty()
                    && Boolean.TRUE.equals(Api.given().get("/deployments/" + id).then().extract()
                            .path("facts.find { it.fact == 'node-registered:ocp-1' }.known"));
        });
        assertEquals("DEPLOYING", Api.status(id), "verified before the registry's cluster was active");
        publish(EventType.CLUSTER_ACTIVATED, new ClusterActivated(id, "single", "PRIMARY"), id);
        Api.awaitStatus(id, "VERIFYING");
        Api.given().get("/deployments/" + id).then()
                .body("facts.find { it.fact == 'cluster-active:single' }.known", equalTo(true));
    }

    @Test
    void failedStep_failsTheDeployment_andRetryRequestsItAgain() {
        String id = Api.submit("single-node");
        awaitStep(id, "prepare-host@ocp-1", "REQUESTED");
        publish(EventType.STEP_FAILED, new StepFailed(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1", "single", 1,
                3, "executor-test", "useradd: permission denied", false, 20), id + "/ocp-1");
        Api.awaitStatus(id, "FAILED");
        Api.given().get("/deployments/" + id).then()
                .body("failureReason", containsString("useradd: permission denied"))
                .body("failedStage", equalTo("PREPARING_HOSTS"))
                .body("phases[0].steps[0].lastError", equalTo("useradd: permission denied"));
        Api.given().post("/deployments/" + id + "/retry").then().statusCode(202).body("status", equalTo("PREPARING_HOSTS"))
                .body("phases[0].steps[0].status", equalTo("REQUESTED")).body("phases[0].steps[0].attempts", equalTo(2));
        // A late success of the first attempt changes nothing; the second attempt's does.
        publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1",
                "single", 1, 1, "executor-old", 5), id + "/ocp-1");
        publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1",
                "single", 2, 1, "executor-new", 5), id + "/ocp-1");
        Api.awaitStatus(id, "CHECKING_ENVIRONMENT");
        Api.given().get("/deployments/" + id).then().body("phases[0].steps[0].executorId", equalTo("executor-new"));
    }

    @Test
    void failedEnvironmentCheck_listsTheFailures_andRetryRunsTheCheckAgain() {
        try (TopicProbe deployments = TopicProbe.subscribe(bootstrap, Topics.DEPLOYMENTS)) {
            String id = Api.submit("single-node");
            await().atMost(Api.WAIT).until(() -> {
                succeedRequested(id);
                return Api.status(id).equals("CHECKING_ENVIRONMENT");
            });
            CheckResult fail = new CheckResult("ocp-1", "port-free", "FAIL", "8080 in use", "free",
                    "port 8080 is taken by nginx", "systemctl stop nginx", false);
            publish(EventType.ENVIRONMENT_CHECKED, new EnvironmentChecked(id, "run-9", false, 1, List.of(fail)), id);
            Api.awaitStatus(id, "FAILED");
            Api.given().get("/deployments/" + id).then()
                    .body("failureReason", containsString("port 8080 is taken by nginx"));
            Api.given().get("/deployments/" + id + "/report").then()
                    .body("environmentCheck.passed", equalTo(false))
                    .body("environmentCheck.problems[0].remediation", equalTo("systemctl stop nginx"));
            Api.given().post("/deployments/" + id + "/retry").then().statusCode(202)
                    .body("status", equalTo("CHECKING_ENVIRONMENT"));
            deployments.awaitMatching(r -> isFor(r, id, EventType.ENVIRONMENT_CHECK_REQUESTED), 2, Api.WAIT);
        }
    }

    @Test
    void atMostMaxParallelHostsAreBusyAtOnce() {
        String yaml = Topologies.example("sandbox-lab").replace("sizingProfile: sandbox",
                "sizingProfile: sandbox\nlimits: {maxParallelHosts: 1}");
        String id = Api.submitYaml(yaml);
        await().atMost(Api.WAIT).until(() -> Api.steps(id, "REQUESTED").size() == 1);
        assertEquals("prepare-host@lab-1", Api.steps(id, "REQUESTED").get(0).get("stepId"));
        succeedRequested(id);
        awaitStep(id, "prepare-host@lab-2", "REQUESTED");
        assertEquals(1, Api.steps(id, "REQUESTED").size());
    }

    @Test
    void standbyBindingFailure_failsTheDeployment_andRetryTellsTheRegistryToAskAgain() {
        try (TopicProbe deployments = TopicProbe.subscribe(bootstrap, Topics.DEPLOYMENTS)) {
            String id = Api.submit("multi-cluster");
            passEnvironmentCheck(id);
            publish(EventType.STANDBY_BINDING_FAILED, new StandbyBindingFailed(id, "ocp-sh", "ocp-hz",
                    "primary MetaDB 10.1.0.1:2883 unreachable"), id);
            Api.awaitStatus(id, "FAILED");
            Api.given().get("/deployments/" + id).then().body("failureReason", containsString("unreachable"));
            Api.given().post("/deployments/" + id + "/retry").then().statusCode(202).body("status", equalTo("DEPLOYING"));
            ConsumerRecord<String, String> retried = deployments.awaitMatching(
                    r -> isFor(r, id, EventType.DEPLOYMENT_RETRIED), 1, Api.WAIT).get(0);
            assertTrue(retried.value().contains("\"stage\":\"DEPLOYING\""), retried.value());
            publish(EventType.STANDBY_BOUND, new StandbyBound(id, "ocp-sh", "ocp-hz"), id);
            Api.given().get("/deployments/" + id).then().body("failureReason", nullValue());
            await().atMost(Api.WAIT).until(() -> Boolean.TRUE.equals(Api.given().get("/deployments/" + id).then()
                    .extract().path("facts.find { it.fact == 'standby-bound:ocp-sh' }.known")));
        }
    }

    @Test
    void azActivationFailure_failsTheDeployment() {
        String id = Api.submit("multi-az");
        passEnvironmentCheck(id);
        publish(EventType.AZ_ACTIVATION_FAILED, new AzActivationFailed(id, "ocp", "az2", "ocp-3",
                "OCP did not answer okay after the restart"), id);
        Api.awaitStatus(id, "FAILED");
        Api.given().get("/deployments/" + id).then().body("failureReason", containsString("availability zone az2"));
    }

    @Test
    void failedVerification_listsTheFailingItems() {
        String id = Api.submit("single-node");
        passEnvironmentCheck(id);
        publish(EventType.NODE_REGISTERED, new NodeRegistered(id, "single", "ocp-1", null, "http://x:8080"), id);
        publish(EventType.CLUSTER_ACTIVATED, new ClusterActivated(id, "single", "PRIMARY"), id);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            succeedRequested(id);
            return Api.status(id).equals("VERIFYING");
        });
        publish(EventType.DEPLOYMENT_VERIFIED, new DeploymentVerified(id, "report-1", false, List.of(
                new VerificationItem("ocp-1", "time-skew", "FAIL", "900ms", "≤ 50ms", "clock is off"))), id);
        Api.awaitStatus(id, "FAILED");
        Api.given().get("/deployments/" + id).then().body("failureReason", containsString("time-skew"))
                .body("failedStage", equalTo("VERIFYING"));
    }

    @Test
    void teardown_removesOcpThenMetaDbAndEndsDestroyed() {
        String id = Api.submit("multi-node");
        Api.given().post("/deployments/" + id + "/cancel").then().statusCode(202);
        Api.given().delete("/deployments/" + id).then().statusCode(202);
        assertTrue(Api.steps(id, "REQUESTED").stream().noneMatch(s -> s.get("kind").equals("REMOVE_METADB")));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            succeedRequested(id);
            return Api.status(id).equals("DESTROYED");
        });
        Api.given().get("/deployments/" + id).then()
                .body("phases.find { it.name == 'teardown' }.status", equalTo("DONE"));
        Api.given().get("/deployments/" + id + "/report").then().body("audit.action", hasItem("teardown"));
    }

    @Test
    void eventsOfOtherDeploymentsOrUnplannedSteps_changeNoStep() {
        String id = Api.submit("single-node");
        Api.given().post("/deployments/" + id + "/cancel").then().statusCode(202);
        publish(EventType.STEP_SUCCEEDED, new StepSucceeded(UUID.randomUUID().toString(), "prepare-host@ocp-1",
                "PREPARE_HOST", "ocp-1", "single", 1, 1, "e", 5), id);
        publish(EventType.STEP_SUCCEEDED, new StepSucceeded(id, "register-standby@x", "REGISTER_STANDBY", "ocp-1",
                "single", 1, 1, "e", 5), id);
        await().atMost(Api.WAIT).until(() -> Api.given().get("/deployments/" + id + "/events").then().extract()
                .asString().contains("register-standby@x"));
        Api.given().get("/deployments/" + id).then().body("phases[0].steps[0].status", equalTo("REQUESTED"))
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void operatorAction_stepAwaitsTheOperator_deploymentKeepsRunning_completionIsAuditedAndSentOnce() throws Exception {
        String id = Api.submit("single-node");
        awaitStep(id, "prepare-host@ocp-1", "REQUESTED");
        String actionId = OperatorActionRequired.actionId("prepare-host@ocp-1", 1);
        OperatorActionRequired required = new OperatorActionRequired(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1",
                "single", 1, actionId, "Do it by hand", "1. Open the console.", Map.of("password",
                "the admin password (secretRef ocp-admin)"), "oceanbase/ocp-doc@V4.2.2:zh-CN/x.md", "2026-01-01T00:00:00Z");
        publish(EventType.OPERATOR_ACTION_REQUIRED, required, Topics.hostKey(id, "ocp-1"));
        publish(EventType.OPERATOR_ACTION_REQUIRED, required, Topics.hostKey(id, "ocp-1")); // redelivered
        awaitStep(id, "prepare-host@ocp-1", "AWAITING_OPERATOR");
        Api.given().get("/deployments/" + id).then().body("status", equalTo("PREPARING_HOSTS"))
                .body("operatorActions.size()", equalTo(1))
                .body("operatorActions[0].status", equalTo("AWAITING_OPERATOR"));
        Api.given().get("/deployments/" + id + "/actions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].actionId", equalTo(actionId))
                .body("[0].fields.password", equalTo("the admin password (secretRef ocp-admin)"))
                .body("[0].source", equalTo("oceanbase/ocp-doc@V4.2.2:zh-CN/x.md"));

        Api.given().contentType("application/json").body("{\"note\": \" \"}")
                .post("/deployments/" + id + "/actions/" + actionId + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        Api.given().contentType("application/json").body("{\"note\": \"x\"}")
                .post("/deployments/" + id + "/actions/no-such~1/complete").then().statusCode(404);
        try (TopicProbe commands = TopicProbe.subscribe(bootstrap, Topics.STEP_COMMANDS)) {
            for (int call = 0; call < 2; call++) {
                Api.given().contentType("application/json").body("{\"note\": \"done in the console\"}")
                        .post("/deployments/" + id + "/actions/" + actionId + "/complete")
                        .then().statusCode(200).body("status", equalTo("COMPLETED"))
                        .body("note", equalTo("done in the console")).body("completedBy", org.hamcrest.Matchers.notNullValue());
            }
            ConsumerRecord<String, String> sent = commands.awaitMatching(r -> isFor(r, id,
                    EventType.OPERATOR_ACTION_COMPLETED), 1, Api.WAIT).get(0);
            OperatorActionCompleted completed = mapper.readValue(sent.value(), OperatorActionCompleted.class);
            assertEquals(actionId, completed.actionId());
            assertEquals("done in the console", completed.note());
            assertEquals(Topics.hostKey(id, "ocp-1"), sent.key());
        }
        Api.given().get("/deployments/" + id + "/report").then()
                .body("audit.findAll { it.action == 'complete-action' }.size()", equalTo(1))
                .body("audit.find { it.action == 'complete-action' }.reason", equalTo("done in the console"));

        publish(EventType.STEP_FAILED, new StepFailed(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1", "single", 1,
                1, "executor-test", "probe 'x' failed", false, 20), Topics.hostKey(id, "ocp-1"));
        Api.awaitStatus(id, "FAILED");
        Api.given().get("/deployments/" + id + "/actions").then().body("[0].status", equalTo("FAILED"))
                .body("[0].outcome", equalTo("probe 'x' failed"));
        Api.given().contentType("application/json").body("{\"note\": \"again\"}")
                .post("/deployments/" + id + "/actions/" + actionId + "/complete").then().statusCode(409);
    }
}
