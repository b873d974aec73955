package dev.ocpha.checker;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RoleMatrix;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.lab.LabHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
class PrecheckApiTest {

    private static List<LabHost> hosts() {
        return LabFleetResource.fleet().hosts();
    }

    private static List<Map<String, Object>> inventory(List<String> roles) {
        return hosts().stream().map(h -> CheckRuns.host(h, roles)).toList();
    }

    @Test
    void productionProfile_labHostsFailCpuAndMemoryWithTheNumbers_sandboxPassesThem() {
        JsonPath production = CheckRuns.run(CheckRuns.body("production", inventory(HostRoles.ALL)));
        String host = hosts().get(0).name();
        Map<String, Object> cpu = CheckRuns.result(production, host, "cpu-cores");
        assertEquals("FAIL", cpu.get("status"));
        assertEquals(Runtime.getRuntime().availableProcessors() + " cores", cpu.get("observed"));
        assertTrue(((String) cpu.get("expected")).startsWith("at least 17 cores"), cpu.toString());
        Map<String, Object> memory = CheckRuns.result(production, host, "memory-available");
        assertEquals("FAIL", memory.get("status"));
        assertTrue(((String) memory.get("observed")).matches("\\d+\\.\\d GB available of \\d+\\.\\d GB"), memory.toString());
        assertTrue(((String) memory.get("expected")).startsWith("at least 42 GB available"), memory.toString());
        assertEquals(false, production.get("passed"));

        JsonPath sandbox = CheckRuns.run(CheckRuns.body("sandbox", inventory(HostRoles.ALL)));
        for (LabHost h : hosts()) {
            assertEquals("PASS", CheckRuns.result(sandbox, h.name(), "cpu-cores").get("status"));
            assertEquals("PASS", CheckRuns.result(sandbox, h.name(), "memory-available").get("status"));
            assertEquals("PASS", CheckRuns.result(sandbox, h.name(), "clock-skew").get("status"));
            assertEquals("PASS", CheckRuns.result(sandbox, h.name(), "ssh-connection").get("status"));
        }
    }

    @Test
    void ocpServerOnlyHost_runsNoObServerChecks() {
        JsonPath run = CheckRuns.run(CheckRuns.body("sandbox",
                List.of(CheckRuns.host(hosts().get(0), List.of(HostRoles.OCP_SERVER)))));
        Map<String, String> checks = CheckRuns.statuses(run).get(hosts().get(0).name());
        assertTrue(checks.keySet().stream().noneMatch(c -> c.startsWith("kernel:") || c.equals("swap")
                || c.equals("ulimits") || c.startsWith("directory:")), checks.toString());
        assertEquals(List.of("port-free:8080"), checks.keySet().stream().filter(c -> c.startsWith("port-free")).toList());
    }

    @Test
    void invalidInventory_isRejectedNamingEachField() {
        Map<String, Object> bad = CheckRuns.host(hosts().get(0), List.of("OCP_SERVER", "WEB"));
        bad.put("sshPort", 70000);
        bad.remove("credentialRef");
        asAdmin().contentType(ContentType.JSON).body(Map.of("profile", "huge", "hosts", List.of(bad))).post("/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("hosts[0].sshPort", "hosts[0].credentialRef"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("profile", "huge", "hosts",
                        List.of(CheckRuns.host(hosts().get(0), List.of("OCP_SERVER", "WEB"))))).post("/checks")
                .then().statusCode(400)
                .body("errors.field", hasItems("profile", "hosts[0].roles[1]"))
                .body("errors.find { it.field == 'hosts[0].roles[1]' }.message",
                        equalTo("unknown role 'WEB'; use one of [OCP_SERVER, METADB, MONITORDB, OBPROXY]"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("hosts", List.of())).post("/checks")
                .then().statusCode(400).body("errors.field", hasItems("hosts"));
    }

    @Test
    void hostsOutsideKnownDeployments_areRefusedUnlessTheOperatorSaysSo_andTheRunRecordsWhoAsked() {
        Map<String, Object> stranger = CheckRuns.host(hosts().get(0), List.of(HostRoles.OCP_SERVER));
        Map<String, Object> unknown = new java.util.HashMap<>(stranger);
        unknown.put("address", "192.0.2.10"); // in no deployment of any test (and never contacted: refused first)
        asAdmin().contentType(ContentType.JSON).body(Map.of("profile", "sandbox", "hosts", List.of(unknown)))
                .post("/checks").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("hosts[0].address"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("outsideKnownDeployments"));
        String runId = given().header("Authorization", "Bearer " + RoleMatrix.TOKENS.get("operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("profile", "sandbox", "hosts", List.of(stranger), "outsideKnownDeployments", true))
                .post("/checks").then().statusCode(202).extract().path("runId");
        assertEquals("test-operator", CheckRuns.await(runId).getString("requestedBy"));
    }

    @Test
    void unknownRun_isNotFound() {
        asAdmin().get("/checks/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/checks/not-a-uuid").then().statusCode(404);
        asAdmin().post("/checks/00000000-0000-0000-0000-000000000000/recheck").then().statusCode(404);
    }

    @Test
    void recheck_isANewRunOfTheSameInventory() {
        String first = CheckRuns.start(CheckRuns.body("sandbox",
                List.of(CheckRuns.host(hosts().get(0), List.of(HostRoles.OCP_SERVER)))));
        JsonPath done = CheckRuns.await(first);
        io.restassured.response.Response response = asAdmin().post("/checks/" + first + "/recheck");
        response.then().statusCode(202);
        String second = response.path("runId");
        assertTrue(response.header("Location").endsWith("/checks/" + second), response.header("Location"));
        JsonPath again = CheckRuns.await(second);
        assertEquals("RECHECK", again.getString("kind"));
        assertEquals(first, again.getString("previousRunId"));
        assertEquals(CheckRuns.statuses(done), CheckRuns.statuses(again));
    }
}
