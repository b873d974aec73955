package dev.ocpha.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.planner.persistence.DeploymentEntity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class DeploymentApiTest {

    static String topology(String name) {
        try (InputStream in = DeploymentApiTest.class.getResourceAsStream("/topologies/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validTopology_isAcceptedWithItsPlan() {
        given().contentType("application/json").body(topology("single-node"))
                .when().post("/deployments")
                .then().statusCode(202)
                .header("Location", containsString("/deployments/"))
                .header("X-Correlation-Id", notNullValue())
                .body("status", equalTo("CHECKING_ENVIRONMENT"))
                .body("steps.kind", hasItem("PREPARE_HOST"))
                .body("steps[0].host", equalTo("ocp-1"));
    }

    @Test
    void acceptedDeployment_canBeReadBack() {
        String id = given().contentType("application/json").body(topology("single-node"))
                .post("/deployments").then().statusCode(202).extract().path("id");
        given().get("/deployments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("single")).body("steps.size()", equalTo(1));
    }

    @Test
    void yamlTopology_isAccepted() {
        given().contentType("application/yaml").body("""
                        # a commented topology file
                        name: yaml-single
                        mode: SINGLE_NODE
                        ocpVersion: 4.2.2
                        hosts:
                          - name: ocp-1
                            address: 127.0.10.1
                            credentialRef: lab
                        """.getBytes(StandardCharsets.UTF_8))
                .when().post("/deployments")
                .then().statusCode(202).body("name", equalTo("yaml-single"));
    }

    @Test
    void malformedYaml_isRejectedNamingTheField() {
        given().contentType("application/yaml").body("name: x\nmode: SINGLE_NODE\nhosts:\n  - sshPort: [1, 2]\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/deployments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("hosts[0].sshPort"));
    }

    @Test
    void malformedJson_isRejectedAndNothingIsStored() {
        long before = DeploymentEntity.count();
        given().contentType("application/json").body("{\"name\": \"x\", ")
                .when().post("/deployments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("not valid"))
                .body(not(containsString("at dev.ocpha")));
        assertEquals(before, DeploymentEntity.count());
    }

    @Test
    void unknownMode_isRejectedNamingTheField() {
        given().contentType("application/json").body(topology("single-node").replace("SINGLE_NODE", "TRIPLE"))
                .when().post("/deployments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void wrongType_isRejectedNamingTheField() {
        given().contentType("application/json").body(topology("single-node").replace("2222", "\"ssh\""))
                .when().post("/deployments")
                .then().statusCode(400).body("errors[0].field", equalTo("hosts[0].sshPort"));
    }

    @Test
    void missingFields_areAllReportedWithTheirPaths() {
        long before = DeploymentEntity.count();
        given().contentType("application/json")
                .body("{\"mode\": \"SINGLE_NODE\", \"hosts\": [{\"name\": \"a\", \"sshPort\": 70000}]}")
                .when().post("/deployments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("ocpVersion"))
                .body("errors.field", hasItem("hosts[0].address"))
                .body("errors.field", hasItem("hosts[0].sshPort"))
                .body("errors.field", hasItem("hosts[0].credentialRef"));
        assertEquals(before, DeploymentEntity.count());
    }

    @Test
    void duplicateHosts_areRejected() {
        String body = topology("single-node").replace("\"hosts\": [",
                "\"hosts\": [ { \"name\": \"ocp-1\", \"address\": \"127.0.10.1\", \"sshPort\": 2222, \"credentialRef\": \"lab\" },");
        given().contentType("application/json").body(body)
                .when().post("/deployments")
                .then().statusCode(400)
                .body("errors.field", hasItem("hosts[1].name"))
                .body("errors.field", hasItem("hosts[1].address"));
    }

    @Test
    void unsafeHostAddress_isRejected() {
        given().contentType("application/json").body(topology("single-node").replace("127.0.10.1", "h; rm -rf /"))
                .when().post("/deployments")
                .then().statusCode(400).body("errors[0].field", equalTo("hosts[0].address"));
    }

    @Test
    void unknownDeployment_is404Problem() {
        given().get("/deployments/7b0e5f7e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/deployments/not-a-uuid").then().statusCode(404);
    }

    @Test
    void unknownRoute_is404Problem() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApi_areServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/deployments"));
    }
}
