package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.devstack.LabTopology;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.lab.LabHost;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The planner's state is a projection of the events it consumed, kept in its own tables: killed mid-deployment and
 * restarted, it continues where it was. Isolated, because every other test talks to the planner while it is down.
 */
@Isolated
class PlannerCrashTest {

    @Test
    void plannerKilledAndRestartedMidDeployment_continuesWhereItWas_andRunsNoStepTwice() {
        E2eSystem system = E2eSystem.get();
        List<LabHost> hosts = system.hosts(3);
        LabTopology topology = LabTopology.named("planner-crash", "MULTI_NODE");
        hosts.forEach(host -> topology.host(host, null, "region-1", "idc-1"));
        String id = system.submit(topology.toYaml());
        awaitSomeDeployStepsDone(system, id);

        ServiceProcess planner = system.stack.crashAndRestart(system.stack.planner());
        assertTrue(planner.isAlive());

        JsonPath deployment = system.awaitSucceeded(id);
        List<Integer> attempts = deployment.getList("phases.steps.flatten().attempts");
        assertTrue(attempts.stream().allMatch(n -> n == 1), "every step ran once: " + attempts);
        for (LabHost host : hosts) {
            Journals.assertInOrder(host, Journals.HOST_ORDER);
            assertEquals(1, Journals.count(host, "docker run -d --name ocp"), host.name());
        }
        assertTrue(system.report(id).getBoolean("verification.passed"));
    }

    private static void awaitSomeDeployStepsDone(E2eSystem system, String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonPath deployment = system.planner().get("/deployments/" + id).then().statusCode(200).extract()
                    .jsonPath();
            List<String> deploySteps = deployment.getList("phases.find { it.name.startsWith('deploy') }.steps.status");
            if (deploySteps != null && deploySteps.contains("SUCCEEDED") && deploySteps.contains("PENDING")) {
                return;
            }
            String status = deployment.getString("status");
            if (System.nanoTime() > deadline || "FAILED".equals(status) || "SUCCEEDED".equals(status)) {
                throw new AssertionError("the deployment was never midway through its deploy phase: " + status + " "
                        + deployment.getString("failureReason"));
            }
            E2eSystem.sleep(Duration.ofMillis(100));
        }
    }
}
