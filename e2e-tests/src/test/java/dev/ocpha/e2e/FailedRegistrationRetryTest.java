package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.devstack.LabTopology;
import dev.ocpha.lab.LabHost;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A standby's registration is an operator action. An operator who got the console's form wrong (the console refused
 * the database) and completed the action anyway, on a standby host that cannot log in to the primary's MetaDB, gets
 * the step failed naming the probe, and the deployment fails naming the standby; once fixed, the operator's retry
 * makes the registry ask again, the executor asks the operator again, and the deployment completes with the standby
 * bound.
 */
class FailedRegistrationRetryTest {

    @Test
    void completionWhoseProbeFails_failsTheDeploymentNamingTheProbe_andRetryBindsTheStandby() {
        E2eSystem system = E2eSystem.get();
        List<LabHost> hosts = system.hosts(6);
        List<LabHost> primary = hosts.subList(0, 3);
        List<LabHost> standby = hosts.subList(3, 6);
        LabTopology topology = LabTopology.named("rereg", "MULTI_CLUSTER")
                .cluster("p", "PRIMARY", "region-1").cluster("s", "STANDBY", "region-2");
        primary.forEach(host -> topology.host(host, "p", "region-1", "idc-1"));
        standby.forEach(host -> topology.host(host, "s", "region-2", "idc-2"));
        String id = system.submit(topology.toYaml());

        Map<String, Object> action = system.awaitAction(id, StepKinds.REGISTER_STANDBY);
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) action.get("fields");
        assertEquals(400, system.bindInConsole(fields, "meta_01"), "the console refuses a database that does not log in");
        // the standby host cannot reach the primary's MetaDB when the executor verifies
        standby.forEach(host -> host.failTool("obclient", 1));
        system.completeAction(id, (String) action.get("actionId"), "bound, I think");

        JsonPath failed = system.awaitSettled(id);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("failureReason").contains("standby cluster s could not be bound to primary p"),
                failed.getString("failureReason"));
        assertTrue(failed.getString("failureReason").contains("probe 'the standby host logs in to the primary's MetaDB"),
                failed.getString("failureReason"));
        assertEquals("FAILED", failed.getString("operatorActions.find { it.actionId == '" + action.get("actionId")
                + "' }.status"));
        assertEquals("FAILED", system.topology(id).getString("clusters.find { it.name == 'p' }.standbys[0].binding"));

        standby.forEach(LabHost::clearFaults);
        system.planner().post("/deployments/" + id + "/retry").then().statusCode(202);
        system.awaitSucceededOperating(id);
        JsonPath view = system.topology(id);
        assertEquals("BOUND", view.getString("clusters.find { it.name == 'p' }.standbys[0].binding"));
        assertEquals("ACTIVE", view.getString("clusters.find { it.name == 's' }.status"));
        assertEquals(1, standby.stream().mapToLong(h -> Journals.count(h, "POST /lab/console/multi-cluster/bind => 200"))
                .sum(), "bound once, for the retried attempt");
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }
}
