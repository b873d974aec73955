package dev.ocpha.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.devstack.LabTopology;
import dev.ocpha.lab.LabHost;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.SshTarget;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-city primary/standby
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/100.overview-of-multi-cluster-mode.md):
 * a primary of three hosts and two standbys of three, each standby registered to the primary by the registry's reaction
 * to facts, never by a planned step. The registration is an operator action (OCP offers it in the standby's console
 * only): the test plays the operator.
 */
class MultiClusterDeploymentTest {

    static E2eSystem system;
    static List<LabHost> primary;
    static List<LabHost> standbyA;
    static List<LabHost> standbyB;
    static String id;
    static Map<String, Object> firstAction;
    static JsonPath whileWaiting;
    static List<Map<String, Object>> stepRunsWhileWaiting;

    @BeforeAll
    static void deploy() {
        system = E2eSystem.get();
        List<LabHost> hosts = system.hosts(9);
        primary = hosts.subList(0, 3);
        standbyA = hosts.subList(3, 6);
        standbyB = hosts.subList(6, 9);
        LabTopology topology = LabTopology.named("mc", "MULTI_CLUSTER")
                .cluster("bj", "PRIMARY", "beijing").cluster("sh", "STANDBY", "shanghai")
                .cluster("sz", "STANDBY", "shenzhen");
        primary.forEach(host -> topology.host(host, "bj", "beijing", "bj-idc"));
        standbyA.forEach(host -> topology.host(host, "sh", "shanghai", "sh-idc"));
        standbyB.forEach(host -> topology.host(host, "sz", "shenzhen", "sz-idc"));
        id = system.submit(topology.toYaml());
        firstAction = system.awaitAction(id, StepKinds.REGISTER_STANDBY);
        // nobody acts for a while: the deployment keeps waiting
        E2eSystem.sleep(Duration.ofSeconds(3));
        whileWaiting = system.planner().get("/deployments/" + id).then().statusCode(200).extract().jsonPath();
        stepRunsWhileWaiting = system.executor().get("/deployments/" + id + "/step-runs").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.stepId == '" + firstAction.get("stepId") + "' }");
        system.awaitSucceededOperating(id);
    }

    @Test
    void theDeploymentWaitsForTheOperator_stepAwaitingAndNoExecutorHoldingIt() {
        assertEquals("DEPLOYING", whileWaiting.getString("status"));
        assertEquals("AWAITING_OPERATOR", whileWaiting.getString("operatorActions.find { it.actionId == '"
                + firstAction.get("actionId") + "' }.status"));
        assertEquals(1, stepRunsWhileWaiting.size(), stepRunsWhileWaiting.toString());
        assertEquals("AWAITING_OPERATOR", stepRunsWhileWaiting.get(0).get("status"));
        assertTrue(String.valueOf(firstAction.get("instructions")).contains("绑定到主 OCP"));
        assertTrue(String.valueOf(firstAction.get("source")).startsWith("oceanbase/ocp-doc@V4.2.2:"));
        JsonPath done = system.planner().get("/deployments/" + id).then().extract().jsonPath();
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"),
                done.getList("operatorActions.findAll { it.kind == 'REGISTER_STANDBY' }.status"));
        // each of the nine OCP nodes was installed through OAT's form, an action of its own
        assertEquals(9, done.getList("operatorActions.findAll { it.kind == 'INSTALL_OCP' && it.status == 'SUCCEEDED' }").size());
        assertTrue(system.report(id).getList("audit.action").contains("complete-action"));
    }

    @Test
    void theRegistryShowsOnePrimaryWithBothStandbysBound() {
        JsonPath topology = system.topology(id);
        assertEquals(List.of("PRIMARY"), topology.getList("clusters.findAll { it.role == 'PRIMARY' }.role"));
        String primaryId = topology.getString("clusters.find { it.name == 'bj' }.id");
        system.registry().get("/clusters/" + primaryId).then().statusCode(200)
                .body("multiClusterRole", equalTo("LEADER"))
                .body("status", equalTo("ACTIVE"))
                .body("standbys", hasSize(2))
                .body("standbys.binding", equalTo(List.of("BOUND", "BOUND")))
                .body("standbys.status", equalTo(List.of("ACTIVE", "ACTIVE")))
                .body("standbys.versionDiffersFromPrimary", equalTo(List.of(false, false)));
        String standbyId = topology.getString("clusters.find { it.name == 'sh' }.id");
        system.registry().get("/clusters/" + standbyId).then()
                .body("multiClusterRole", equalTo("FOLLOWER"))
                .body("primary.name", equalTo("bj"));
        // the sync state comes from the checker's DeploymentVerified, which the registry reads beside the planner
        await().atMost(E2eSystem.FACT_TIMEOUT).untilAsserted(() -> system.registry().get("/clusters/" + standbyId)
                .then().body("sync", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void thePrimarysMetaDbListsBothStandbysAsFollowers() throws Exception {
        LabHost host = primary.get(0);
        String query = "IFS= read -r MYSQL_PWD; export MYSQL_PWD; obclient -h " + host.address()
                + " -P 2881 -u 'meta_user@ocp_meta#bj-meta' -D meta_database -N -e "
                + "'SELECT cluster_name, role FROM meta_database.ocp_multi_cluster'";
        ExecResult result = system.ssh().exec(new SshTarget(host.address(), host.sshPort(), "root", "lab"), query,
                system.secret("lab-meta") + "\n", Duration.ofSeconds(30));
        assertEquals(0, result.exitStatus(), result.stderr());
        List<String> rows = result.stdout().lines().map(String::strip).toList();
        assertTrue(rows.contains("bj\tLEADER"), rows.toString());
        assertTrue(rows.contains("sh\tFOLLOWER"), rows.toString());
        assertTrue(rows.contains("sz\tFOLLOWER"), rows.toString());
    }

    @Test
    void eachStandbyRegistersAfterThePrimaryIsActive_andSetsItsParametersAfterwards() {
        // the primary is active once each of its nodes restarted into multi-cluster mode and answers okay
        Instant primaryParameters = primary.stream()
                .map(h -> Journals.last(h, "docker restart ocp"))
                .max(Instant::compareTo).orElseThrow();
        for (List<LabHost> standby : List.of(standbyA, standbyB)) {
            LabHost first = standby.get(0);
            Instant registered = Journals.first(first, "POST /lab/console/multi-cluster/bind => 200");
            Journals.assertBefore(primaryParameters, registered, "the primary is active before " + first.name()
                    + " registers");
            // multi-cluster mode is the cluster's (kept in its MetaDB): each node's step sets it in the documented
            // interactive session and restarts its own instance, once
            for (LabHost host : standby) {
                Journals.assertInOrder(host, List.of("oat install-ocp", "ocp-bootstrap -i", "docker restart ocp"));
                assertEquals(1, Journals.calls(host, "ocp-bootstrap", "-i"), host.name());
                assertEquals(1, Journals.count(host, "docker restart ocp"), host.name());
            }
            assertEquals(1, standby.stream().mapToLong(h -> Journals.count(h, "POST /lab/console/multi-cluster/bind"))
                    .sum(), "one registration per standby cluster");
        }
        List<String> probes = system.report(id).getList("verification.items.findAll { it.check == "
                + "'standby-reaches-primary-metadb' }.status");
        assertEquals(List.of("PASS", "PASS"), probes);
    }
}
