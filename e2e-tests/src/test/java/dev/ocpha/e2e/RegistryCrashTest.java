package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocpha.devstack.LabTopology;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.lab.LabHost;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The registry keeps its facts in its own tables and the broker keeps what it has not read: a crash loses nothing.
 * Isolated, because every other test reads the registry's views while it is down.
 */
@Isolated
class RegistryCrashTest {

    @Test
    void registryKilledAndRestartedMidDeployment_theDeploymentStillCompletes() {
        E2eSystem system = E2eSystem.get();
        List<LabHost> hosts = system.hosts(6);
        LabTopology topology = LabTopology.named("crash", "MULTI_CLUSTER")
                .cluster("p", "PRIMARY", "region-1").cluster("s", "STANDBY", "region-2");
        hosts.subList(0, 3).forEach(host -> topology.host(host, "p", "region-1", "idc-1"));
        hosts.subList(3, 6).forEach(host -> topology.host(host, "s", "region-2", "idc-2"));
        String id = system.submit(topology.toYaml());
        // once the deploy phase runs, the registry has the plan and is receiving step outcomes
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String status;
        while (!"DEPLOYING".equals(status = system.planner().get("/deployments/" + id).then().extract().path("status"))) {
            if (System.nanoTime() > deadline || "FAILED".equals(status)) {
                throw new AssertionError("the deployment never started deploying: " + status + " "
                        + system.planner().get("/deployments/" + id).then().extract().path("failureReason"));
            }
            E2eSystem.sleep(Duration.ofMillis(200));
        }
        ServiceProcess registry = system.stack.crashAndRestart(system.stack.registry());
        assertEquals(true, registry.isAlive());

        JsonPath deployment = system.awaitSucceededOperating(id);
        assertEquals("SUCCEEDED", deployment.getString("status"));
        JsonPath view = system.topology(id);
        assertEquals("BOUND", view.getString("clusters.find { it.name == 'p' }.standbys[0].binding"));
    }
}
