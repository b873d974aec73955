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
import java.util.Map;
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
    void everyNodeIsInstalledThroughOatsForm_withItsAzAndTheClustersSiteUrl_andNoParameterApiIsCalled() {
        String cluster = "http://" + hosts.get(0).address() + ":8080";
        List<Map<String, Object>> installs = system.actions(id).stream()
                .filter(a -> "INSTALL_OCP".equals(a.get("kind")) && "SUCCEEDED".equals(a.get("status"))).toList();
        assertEquals(hosts.size(), installs.size(), installs.toString());
        for (int i = 0; i < hosts.size(); i++) {
            LabHost node = hosts.get(i);
            LabHost entry = hosts.get(i - i % 2);
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) installs.stream()
                    .filter(a -> node.name().equals(a.get("host"))).findFirst().orElseThrow().get("fields");
            assertEquals("az" + (i / 2 + 1), fields.get("az"), node.name());
            assertEquals(entry.address() + ":8080", fields.get("azOcpProxy"), node.name());
            assertEquals(entry.address() + ":2883", fields.get("azMetaDbProxy"), node.name());
            assertEquals(cluster, fields.get("siteUrl"), node.name());
            assertEquals(1, Journals.count(node, "oat install-ocp"), node.name());
            String properties = node.runtime().docker().container("ocp").orElseThrow().env.get("OCP_CONFIG_PROPERTIES");
            assertTrue(properties.contains("ocp.site.url:" + cluster), node.name() + ": " + properties);
            assertEquals(0, Journals.count(node, "/api/v2/config"), node.name());
        }
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }
}
