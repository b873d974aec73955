package dev.ocpha.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.installer.Edition;
import dev.ocpha.devstack.LabTopology;
import dev.ocpha.lab.LabHost;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One OCP cluster over three availability zones, two hosts each
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/100.multi-az-overview.md): one
 * MetaDB replica and an OCP per AZ, each AZ with its own access address, assigned by the registry as the AZ's nodes are
 * registered.
 */
class MultiAzDeploymentTest {

    static E2eSystem system;
    static List<LabHost> hosts;
    static String id;

    @BeforeAll
    static void deploy() {
        system = E2eSystem.get();
        hosts = system.hosts(6);
        LabTopology topology = LabTopology.named("zones", "MULTI_AZ");
        for (int az = 1; az <= 3; az++) {
            LabHost full = hosts.get(2 * (az - 1));
            topology.az("az" + az, null, "idc-" + az, full).host(full, null, "region-1", "idc-" + az)
                    .host(hosts.get(2 * az - 1), null, "region-1", "idc-" + az, List.of("OCP_SERVER"));
        }
        id = system.submit(topology.toYaml());
        system.awaitSucceededOperating(id);
    }

    @Test
    void everyVendorCallOnTheHosts_isAnActionOfTheInstallerProfile() {
        Journals.assertConformToProfile(hosts, Edition.ENTERPRISE);
    }

    @Test
    void eachAzIsActiveWithItsOwnAccessAddress_andAnswersThere() {
        JsonPath topology = system.topology(id);
        assertEquals(List.of(), topology.getList("placementProblems"));
        for (int az = 1; az <= 3; az++) {
            String name = "az" + az;
            LabHost entry = hosts.get(2 * (az - 1));
            String access = "http://" + entry.address() + ":8080";
            assertEquals("ACTIVE", topology.getString("azs.find { it.name == '" + name + "' }.status"));
            assertEquals(access, topology.getString("azs.find { it.name == '" + name + "' }.accessAddress"));
            assertEquals(List.of(entry.name()), topology.getList("azs.find { it.name == '" + name + "' }.metaDbReplicas"));
            assertEquals(2, topology.getList("azs.find { it.name == '" + name + "' }.ocpInstances").size());
            given().auth().preemptive().basic("admin", system.adminPassword()).get(access + "/api/status")
                    .then().statusCode(200).body(equalTo("okay"));
        }
    }

    @Test
    void everyNodeStartsWithTheClustersSiteUrl_andNoParameterApiIsCalled() {
        String cluster = "http://" + hosts.get(0).address() + ":8080";
        for (LabHost node : hosts) {
            assertEquals(1, Journals.count(node, "ocp.site.url:" + cluster + "\n"), node.name());
            assertEquals(0, Journals.count(node, "/api/v2/config"), node.name());
        }
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }
}
