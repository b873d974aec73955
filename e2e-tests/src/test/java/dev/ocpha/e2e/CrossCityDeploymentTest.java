package dev.ocpha.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.installer.Edition;
import dev.ocpha.devstack.LabTopology;
import dev.ocpha.lab.LabHost;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OCP's cross-city 3-IDC case, multi-cluster and multi-AZ combined (the demo's example): the primary becomes active
 * only once its three AZs are, and only then is the standby registered to it.
 */
class CrossCityDeploymentTest {

    static E2eSystem system;
    static List<LabHost> hosts;
    static String id;

    @BeforeAll
    static void deploy() {
        system = E2eSystem.get();
        hosts = system.hosts(9);
        id = system.submit(LabTopology.crossCity("cross-city", hosts).toYaml());
        system.awaitSucceededOperating(id);
    }

    @Test
    void everyVendorCallOnTheHosts_isAnActionOfTheInstallerProfile() {
        Journals.assertConformToProfile(hosts, Edition.ENTERPRISE);
    }

    @Test
    void thePrimarysAzsAreActive_andTheStandbyIsBoundToIt() {
        JsonPath topology = system.topology(id);
        assertEquals(List.of("ACTIVE", "ACTIVE", "ACTIVE"), topology.getList("azs.status"));
        assertEquals(List.of(), topology.getList("placementProblems"));
        String primaryId = topology.getString("clusters.find { it.name == 'ocp-a' }.id");
        system.registry().get("/clusters/" + primaryId).then()
                .body("multiClusterRole", equalTo("LEADER"))
                .body("standbys[0].name", equalTo("ocp-b"))
                .body("standbys[0].binding", equalTo("BOUND"));
        for (int az = 1; az <= 3; az++) {
            given().auth().preemptive().basic("admin", system.adminPassword())
                    .get(topology.getString("azs.find { it.name == 'az" + az + "' }.accessAddress") + "/api/status")
                    .then().statusCode(200).body(equalTo("okay"));
        }
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }

    @Test
    void theStandbyRegistersOnlyAfterEveryAzOfThePrimaryHasItsParameters() {
        Instant lastAzParameters = hosts.subList(0, 6).stream()
                .map(h -> Journals.last(h, "POST /lab/console/multi-az/parameters => 200"))
                .max(Instant::compareTo).orElseThrow();
        Journals.assertBefore(lastAzParameters,
                Journals.first(hosts.get(6), "POST /lab/console/multi-cluster/bind => 200"),
                "the standby registers after the primary's AZs are active");
    }
}
