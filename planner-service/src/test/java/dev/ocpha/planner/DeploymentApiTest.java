package dev.ocpha.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.RoleMatrix;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every endpoint of the planner's API, its authentication and idempotency, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class DeploymentApiTest {

    @Inject
    EntityManager entityManager;

    private static byte[] yaml(String example) {
        return Topologies.example(example).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void yamlTopology_isPlannedAndItsHostsAreAdded() {
        Api.given().contentType("application/yaml").body(yaml("multi-node"))
                .when().post("/deployments")
                .then().statusCode(202)
                .header("Location", containsString("/deployments/"))
                .header("X-Correlation-Id", notNullValue())
                .body("status", equalTo("PREPARING_HOSTS"))
                .body("modes", equalTo(java.util.List.of("MULTI_NODE")))
                .body("phases.name", equalTo(java.util.List.of("prepare-environment", "deploy:trio",
                        "post-deployment-check")))
                .body("phases[0].steps.stepId", equalTo(java.util.List.of("prepare-host@ocp-1", "prepare-host@ocp-2",
                        "prepare-host@ocp-3")))
                .body("phases[0].steps.status", everyItem(equalTo("REQUESTED")))
                .body("phases[1].steps.status", everyItem(equalTo("PENDING")))
                .body("facts.fact", hasItem("node-registered:ocp-1"))
                .body("estimatedSeconds", greaterThan(0));
    }

    @Test
    void jsonTopology_isAcceptedLikeYaml() throws Exception {
        ObjectMapper yaml = new YAMLMapper();
        String json = new ObjectMapper().writeValueAsString(yaml.readTree(yaml("single-node")));
        Api.given().contentType("application/json").body(json)
                .when().post("/deployments")
                .then().statusCode(202).body("name", equalTo("single")).body("status", equalTo("PREPARING_HOSTS"));
    }

    @Test
    void dryRun_returnsThePlanAndStoresOrPublishesNothing() {
        long deployments = Api.rows(entityManager, "deployment");
        long outbox = Api.rows(entityManager, "outbox");
        Api.given().contentType("application/yaml").body(yaml("multi-cluster-multi-az"))
                .when().post("/deployments?dryRun=true")
                .then().statusCode(200)
                .body("criticalPath.estimatedSeconds", greaterThan(0))
                .body("azs.metaDbHost", equalTo(java.util.List.of("a-1", "a-2", "a-3")))
                .body("sizing.ocpServer.basis", containsString("row ≤ 200"))
                .body("expectedFacts", hasItem("standby-bound:ocp-b"))
                .body("secretRefs.ocpAdminPassword", equalTo("ocp-admin"));
        assertEquals(deployments, Api.rows(entityManager, "deployment"));
        assertEquals(outbox, Api.rows(entityManager, "outbox"));
    }

    @Test
    void sameIdempotencyKeyAndBody_giveTheSameDeployment_otherBodyIs422() {
        String key = "key-" + System.nanoTime();
        String first = Api.given().header("Idempotency-Key", key).contentType("application/yaml")
                .body(yaml("single-node")).post("/deployments").then().statusCode(202).extract().path("id");
        long deployments = Api.rows(entityManager, "deployment");
        Api.given().header("Idempotency-Key", key).contentType("application/yaml").body(yaml("single-node"))
                .post("/deployments").then().statusCode(200).body("id", equalTo(first));
        Api.given().header("Idempotency-Key", key).contentType("application/yaml").body(yaml("multi-node"))
                .post("/deployments").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(key));
        assertEquals(deployments, Api.rows(entityManager, "deployment"));
        Api.given().header("Idempotency-Key", "bad key!").contentType("application/yaml").body(yaml("single-node"))
                .post("/deployments").then().statusCode(400).body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void sameIdempotencyKey_sentConcurrently_createsOneDeployment() throws Exception {
        String key = "race-" + System.nanoTime();
        long deployments = Api.rows(entityManager, "deployment");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit(() -> Api.given().header("Idempotency-Key", key)
                        .contentType("application/yaml").body(yaml("single-node")).post("/deployments")
                        .then().extract()));
            }
            Set<Integer> statuses = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                statuses.add(answer.get().statusCode());
                ids.add(answer.get().path("id"));
            }
            assertEquals(Set.of(200, 202), statuses);
            assertEquals(1, ids.size());
        } finally {
            clients.shutdownNow();
        }
        assertEquals(deployments + 1, Api.rows(entityManager, "deployment"));
    }

    @Test
    void withoutTheToken_theApiAnswers401_andHealthMetricsOpenApiStayOpen() {
        given().contentType("application/yaml").body(yaml("single-node")).post("/deployments")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().get("/deployments").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get("/deployments/x/events").then().statusCode(401)
                .body("detail", containsString("not valid"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/deployments/{id}/steps/{stepId}/skip"));
    }

    @Test
    void everyEndpoint_asksForItsRole() {
        String id = UUID.randomUUID().toString();
        RoleMatrix.assertEnforced(List.of(
                RoleMatrix.endpoint("POST", "/deployments", "operator"),
                RoleMatrix.endpoint("GET", "/deployments", "viewer"),
                RoleMatrix.endpoint("GET", "/deployments/" + id, "viewer"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/plan", "viewer"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/report", "viewer"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/events", "viewer"),
                RoleMatrix.endpoint("POST", "/deployments/" + id + "/retry", "operator"),
                RoleMatrix.endpoint("POST", "/deployments/" + id + "/steps/s/skip", "operator"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/actions", "viewer"),
                RoleMatrix.endpoint("POST", "/deployments/" + id + "/actions/a~1/complete", "operator"),
                RoleMatrix.endpoint("POST", "/deployments/" + id + "/cancel", "operator"),
                RoleMatrix.endpoint("DELETE", "/deployments/" + id, "operator"),
                RoleMatrix.endpoint("POST", "/webhooks", "admin"),
                RoleMatrix.endpoint("GET", "/webhooks", "admin"),
                RoleMatrix.endpoint("GET", "/webhooks/" + id, "admin"),
                RoleMatrix.endpoint("DELETE", "/webhooks/" + id, "admin"),
                RoleMatrix.endpoint("GET", "/webhooks/" + id + "/deliveries", "admin")));
    }

    @Test
    void tokens_areShownOnce_storedOnlyAsTheirHash_andRotationAndRevocationTakeEffectAtOnce() throws Exception {
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        ExtractableResponse<Response> created = Api.given().contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"role\": \"operator\"}").post("/tokens")
                .then().statusCode(201).body("role", equalTo("operator")).extract();
        String token = created.path("token");
        String id = created.path("id");
        assertTrue(token.startsWith("ocpha_"), token);
        String stored = (String) entityManager.createNativeQuery("SELECT token_hash FROM access_token WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8))), stored);
        Api.given().get("/tokens").then().statusCode(200).body("find { it.name == '" + name + "' }.token", nullValue())
                .body("find { it.name == '" + name + "' }.createdBy", equalTo("bootstrap"));
        given().header("Authorization", "Bearer " + token).get("/deployments").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/webhooks").then().statusCode(403);
        Api.given().contentType("application/json").body("{\"name\": \"" + name + "\", \"role\": \"viewer\"}")
                .post("/tokens").then().statusCode(409);
        Api.given().contentType("application/json").body("{\"name\": \"x\", \"role\": \"root\"}")
                .post("/tokens").then().statusCode(400).body("errors[0].field", equalTo("role"));

        String rotated = Api.given().post("/tokens/" + id + "/rotate").then().statusCode(200).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/deployments").then().statusCode(401);
        given().header("Authorization", "Bearer " + rotated).get("/deployments").then().statusCode(200);
        Api.given().delete("/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + rotated).get("/deployments").then().statusCode(401);
        Api.given().delete("/tokens/" + id).then().statusCode(404);
    }

    @Test
    void aClientOfferingHttp2_isAnswered() throws Exception {
        // the JDK's client (the demo's) offers h2c by default; the demo once got a 500 for it
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/deployments?dryRun=true"))
                .header("Authorization", "Bearer " + Api.TOKEN).header("Content-Type", "application/yaml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(yaml("single-node"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void operatorActions_recordWhoDidThem() {
        String id = Api.submit("single-node");
        given().header("Authorization", "Bearer " + RoleMatrix.TOKENS.get("operator"))
                .post("/deployments/" + id + "/cancel").then().statusCode(202);
        Api.given().get("/deployments/" + id + "/report").then().statusCode(200)
                .body("audit.find { it.action == 'deploy' }.actor", equalTo("bootstrap"))
                .body("audit.find { it.action == 'cancel' }.actor", equalTo("test-operator"));
    }

    @Test
    void list_isPagedNewestFirstAndFiltersByStatus() {
        String older = Api.submit("single-node");
        String newer = Api.submit("single-node");
        Api.given().post("/deployments/" + older + "/cancel").then().statusCode(202);
        Api.given().get("/deployments?size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(newer)).body("total", greaterThan(1));
        Api.given().get("/deployments?status=CANCELLED&size=100").then().statusCode(200)
                .body("items.id", hasItem(older)).body("items.status", everyItem(equalTo("CANCELLED")));
        Api.given().get("/deployments?status=RUNNING").then().statusCode(400).body("detail", containsString("status"));
        Api.given().get("/deployments?size=0").then().statusCode(400);
    }

    @Test
    void planAndReport_ofADeployment() {
        String id = Api.submit("multi-az");
        Api.given().get("/deployments/" + id + "/plan").then().statusCode(200)
                .body("name", equalTo("zones"))
                .body("azs.name", equalTo(java.util.List.of("az1", "az2", "az3")))
                .body("hosts[0].requirement.basis", containsString("OCP 4.2 docs"));
        Api.given().get("/deployments/" + id + "/report").then().statusCode(200)
                .body("status", equalTo("PREPARING_HOSTS"))
                .body("environmentCheck", nullValue()).body("verification", nullValue());
    }

    @Test
    void events_giveALateClientTheWholeHistory() {
        String id = Api.submit("single-node");
        Api.given().queryParam("reason", "changed my mind").post("/deployments/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELLED"));
        String stream = Api.given().accept("text/event-stream").get("/deployments/" + id + "/events")
                .then().statusCode(200).contentType(containsString("text/event-stream")).extract().asString();
        assertTrue(stream.contains("event:status"), stream);
        assertTrue(stream.contains("\"PREPARING_HOSTS\""), stream);
        assertTrue(stream.contains("prepare-host@ocp-1"), stream);
        assertTrue(stream.contains("changed my mind"), stream);
        assertTrue(stream.indexOf("PREPARING_HOSTS") < stream.indexOf("CANCELLED"), stream);
        Api.given().get("/deployments/" + id + "/report").then().body("audit.action", hasItem("cancel"));
    }

    @Test
    void skip_marksAPendingStepWithItsReason_andRefusesOthers() {
        String id = Api.submit("single-node");
        Api.given().contentType("application/json").body("{\"reason\": \"media already loaded by hand\"}")
                .post("/deployments/" + id + "/steps/prepare-media@ocp-1/skip")
                .then().statusCode(200).body("status", equalTo("SKIPPED"))
                .body("skipReason", equalTo("media already loaded by hand"));
        Api.given().contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/deployments/" + id + "/steps/prepare-host@ocp-1/skip")
                .then().statusCode(409).body("detail", containsString("REQUESTED"));
        Api.given().contentType("application/json").body("{\"reason\": \" \"}")
                .post("/deployments/" + id + "/steps/create-metadb@ocp-1/skip")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        Api.given().contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/deployments/" + id + "/steps/no-such@step/skip").then().statusCode(404);
        Api.given().get("/deployments/" + id + "/report").then()
                .body("audit.reason", hasItem("media already loaded by hand"));
    }

    @Test
    void cancelRetryAndTeardown_answerConflictsWhenTheStatusDoesNotFit() {
        String id = Api.submit("multi-node");
        Api.given().post("/deployments/" + id + "/retry").then().statusCode(409).body("detail", containsString("FAILED"));
        Api.given().delete("/deployments/" + id).then().statusCode(409).body("detail", containsString("cancel"));
        Api.given().post("/deployments/" + id + "/cancel").then().statusCode(202);
        Api.given().post("/deployments/" + id + "/cancel").then().statusCode(409);
        Api.given().delete("/deployments/" + id).then().statusCode(202)
                .body("status", equalTo("TEARING_DOWN"))
                .body("phases.name", hasItem("teardown"))
                .body("phases.find { it.name == 'teardown' }.steps.stepId", hasItem("remove-metadb@ocp-3"))
                .body("phases.find { it.name == 'teardown' }.steps.findAll { it.kind == 'REMOVE_OCP' }.status",
                        everyItem(equalTo("REQUESTED")));
    }

    @Test
    void unknownDeployment_is404OnEveryEndpoint() {
        String unknown = "/deployments/7b0e5f7e-0000-4000-8000-000000000000";
        for (String path : new String[] {unknown, unknown + "/plan", unknown + "/report", unknown + "/events",
                "/deployments/not-a-uuid"}) {
            Api.given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        Api.given().post(unknown + "/retry").then().statusCode(404);
        Api.given().post(unknown + "/cancel").then().statusCode(404);
        Api.given().delete(unknown).then().statusCode(404);
        Api.given().contentType("application/json").body("{\"reason\": \"x\"}").post(unknown + "/steps/a@b/skip")
                .then().statusCode(404);
    }

    @Test
    void badBodies_are400Or413AndNever500() {
        Api.given().contentType("application/yaml").body("name: [unclosed".getBytes(StandardCharsets.UTF_8))
                .post("/deployments").then().statusCode(400).body("detail", containsString("not valid YAML"));
        Api.given().contentType("application/json").body("{\"name\": \"x\", ")
                .post("/deployments").then().statusCode(400).body(not(containsString("at dev.ocpha")));
        Api.given().contentType("application/json").body("").post("/deployments").then().statusCode(400);
        Api.given().contentType("application/json").body("[1, 2]").post("/deployments").then().statusCode(400);
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Api.given().contentType("application/json").body(big).post("/deployments").then().statusCode(413)
                .contentType("application/problem+json");
        Api.given().contentType("text/plain").body("hello").post("/deployments").then().statusCode(415);
    }

    @Test
    void inlinePassword_isRefusedWithoutEchoingIt() {
        String yaml = Topologies.example("single-node").replace("ocpAdmin: {secretRef: ocp-admin}",
                "ocpAdmin: {value: \"s3cret\"}");
        String body = Api.given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/deployments").then().statusCode(422)
                .body("errors.field", hasItem("passwords.ocpAdmin.value"))
                .body("errors.message", hasItem(containsString("weak"))).extract().asString();
        assertTrue(!body.contains("s3cret"), body);
    }
}
