package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.devstack.LabTopology;
import dev.ocpha.lab.LabHost;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A standby whose registration to the primary fails on every try fails the deployment, naming the standby; the
 * operator's retry makes the registry ask for it again, and the deployment completes with the standby bound once.
 */
class FailedRegistrationRetryTest {

    @Test
    void registrationFailingEveryTry_failsTheDeployment_andRetryBindsTheStandby() {
        E2eSystem system = E2eSystem.get();
        List<LabHost> hosts = system.hosts(6);
        List<LabHost> primary = hosts.subList(0, 3);
        List<LabHost> standby = hosts.subList(3, 6);
        LabTopology topology = LabTopology.named("rereg", "MULTI_CLUSTER")
                .cluster("p", "PRIMARY", "region-1").cluster("s", "STANDBY", "region-2");
        primary.forEach(host -> topology.host(host, "p", "region-1", "idc-1"));
        standby.forEach(host -> topology.host(host, "s", "region-2", "idc-2"));
        // the primary is slowed so that the standby is ready first and waits for it (the registry's rule)
        primary.forEach(host -> host.slow(Duration.ofMillis(300)));
        String id = system.submit(topology.toYaml());
        try {
            awaitStepsSucceeded(system, id, standby.stream().map(h -> "enable-multi-cluster@" + h.name()).toList());
            // from here until the retry, docker on a standby host is only the registration (its ocp-bootstrap runs
            // through docker exec): make each of its 3 tries fail
            standby.forEach(host -> host.failTool("docker", 3));
        } finally {
            primary.forEach(host -> host.slow(Duration.ZERO));
        }

        JsonPath failed = system.awaitSettled(id);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("failureReason").contains("standby cluster s could not be bound to primary p"),
                failed.getString("failureReason"));
        assertEquals("FAILED", system.topology(id).getString("clusters.find { it.name == 'p' }.standbys[0].binding"));
        assertEquals(0, standby.stream().mapToLong(h -> Journals.calls(h, "ocp-bootstrap", "registerMc")).sum());

        standby.forEach(LabHost::clearFaults);
        system.planner().post("/deployments/" + id + "/retry").then().statusCode(202);
        system.awaitSucceeded(id);
        JsonPath view = system.topology(id);
        assertEquals("BOUND", view.getString("clusters.find { it.name == 'p' }.standbys[0].binding"));
        assertEquals("ACTIVE", view.getString("clusters.find { it.name == 's' }.status"));
        assertEquals(1, standby.stream().mapToLong(h -> Journals.calls(h, "ocp-bootstrap", "registerMc")).sum(),
                "registered once, by the retried attempt");
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }

    private static void awaitStepsSucceeded(E2eSystem system, String id, List<String> stepIds) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            JsonPath deployment = system.planner().get("/deployments/" + id).then().statusCode(200).extract()
                    .jsonPath();
            List<String> succeeded = deployment.getList("phases.steps.flatten().findAll { it.status == 'SUCCEEDED' }"
                    + ".stepId");
            if (succeeded.containsAll(stepIds)) {
                return;
            }
            if (System.nanoTime() > deadline || "FAILED".equals(deployment.getString("status"))) {
                throw new AssertionError("the standby's " + stepIds + " did not all succeed: "
                        + deployment.getString("status") + " " + deployment.getString("failureReason"));
            }
            E2eSystem.sleep(Duration.ofMillis(100));
        }
    }
}
