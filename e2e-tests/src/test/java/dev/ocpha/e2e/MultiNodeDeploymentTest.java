package dev.ocpha.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
 * Three hosts each running every component
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/100.deployment-overview/200.multi-node-deplpyment-overview.md):
 * the system survives the loss of a minority.
 */
class MultiNodeDeploymentTest {

    static E2eSystem system;
    static List<LabHost> hosts;
    static String id;

    @BeforeAll
    static void deploy() {
        system = E2eSystem.get();
        hosts = system.hosts(3);
        LabTopology topology = LabTopology.named("multi", "MULTI_NODE");
        hosts.forEach(host -> topology.host(host, null, "region-1", "idc-1"));
        id = system.submit(topology.toYaml());
        system.awaitSucceeded(id);
    }

    @Test
    void everyVendorCallOnTheHosts_isAnActionOfTheInstallerProfile() {
        Journals.assertConformToProfile(hosts, Edition.COMMUNITY);
    }

    @Test
    void everyNodeRunsEveryComponent_andTheMetaDbIsBootstrappedOnce() {
        for (LabHost host : hosts) {
            Journals.assertInOrder(host, Journals.HOST_ORDER);
            assertEquals(1, Journals.count(host, "docker run -d --name ocp"), host.name());
        }
        long bootstraps = hosts.stream().mapToLong(host -> Journals.count(host, "ALTER SYSTEM BOOTSTRAP")).sum();
        assertEquals(1, bootstraps, "one MetaDB cluster of three replicas, bootstrapped once");
        LabHost first = hosts.stream().filter(h -> Journals.count(h, "ALTER SYSTEM BOOTSTRAP") == 1).findFirst()
                .orElseThrow();
        for (LabHost host : hosts) {
            Journals.assertBefore(Journals.first(host, "observer -I " + host.address()),
                    Journals.first(first, "ALTER SYSTEM BOOTSTRAP"),
                    "the replica on " + host.name() + " runs before the cluster is bootstrapped");
        }
    }

    @Test
    void theRegistryShowsThreeRegisteredNodes_andTheReportIsHealthy() {
        JsonPath topology = system.topology(id);
        assertEquals("ACTIVE", topology.getString("clusters[0].status"));
        assertEquals(List.of("REGISTERED", "REGISTERED", "REGISTERED"), topology.getList("clusters[0].nodes.status"));
        assertEquals(3, topology.getList("clusters[0].metaDb.replicas").size());
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }

    @Test
    void anyOneHostDownAfterDeployment_theOtherNodesStillAnswer() {
        // each host in turn, the one whose OCP stored the cluster's system parameters in the MetaDB among them: a
        // MonitorDB address pinned to one node would leave every node answering 'bad monitordb' when it is lost
        for (LabHost lost : hosts) {
            lost.down();
            try {
                hosts.stream().filter(h -> h != lost).forEach(MultiNodeDeploymentTest::answersOkay);
                system.registry().get("/deployments/" + id + "/topology").then()
                        .body("clusters[0].nodes", hasSize(3));
            } finally {
                lost.up();
            }
            // back up, its OCP starts again (as a rebooted host's container does) before the next host goes down
            await().atMost(E2eSystem.FACT_TIMEOUT).ignoreExceptions().untilAsserted(() -> answersOkay(lost));
        }
    }

    private static void answersOkay(LabHost host) {
        given().auth().preemptive().basic("admin", system.adminPassword())
                .get("http://" + host.address() + ":8080/api/status")
                .then().statusCode(200).body(equalTo("okay"));
    }
}
