package dev.ocpha.checker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryValidatorTest {

    private static PlannedHost host(String name, String address, int port, List<String> roles, String cluster) {
        return new PlannedHost(name, new HostAccess(address, port, "root", "lab"), cluster, null, null, null, roles, null);
    }

    @Test
    void everyBadFieldIsNamed() {
        PlannedHost bad = new PlannedHost("h2", new HostAccess(" ", 70000, "root", ""), "nowhere", null, null, null,
                List.of("OCP_SERVER", "WEB"), new HostRequirement(-1, 8, Map.of("data", 10), List.of(0), null));
        CheckInventory inventory = new CheckInventory(List.of(host("h1", "10.0.0.1", 22, HostRoles.ALL, "a"),
                bad, host("h1", "10.0.0.3", 22, HostRoles.ALL, "a")),
                List.of(new PlannedCluster("a", "PRIMARY", 1, null, null, "a-meta", "10.0.0.1:28x1", true, List.of())),
                "huge", false);
        List<String> fields = InventoryValidator.validate(inventory).stream().map(InventoryProblem::field).toList();
        assertEquals(List.of("profile", "clusters[0].metaDbAddress", "hosts[1].access.address",
                "hosts[1].access.sshPort", "hosts[1].access.credentialRef", "hosts[1].roles[1]", "hosts[1].cluster",
                "hosts[1].requirement.cpuCores", "hosts[1].requirement.freeDiskGbByPath",
                "hosts[1].requirement.ports[0]", "hosts[2].name"), fields);
    }

    @Test
    void aValidInventoryHasNoProblems() {
        CheckInventory inventory = new CheckInventory(List.of(host("h1", "10.0.0.1", 22, HostRoles.ALL, "a"),
                host("h2", "10.0.1.1", 2222, List.of(HostRoles.OCP_SERVER), "b")),
                List.of(new PlannedCluster("a", "PRIMARY", 1, null, null, "a-meta", "10.0.0.1:2881", true, List.of()),
                        new PlannedCluster("b", "STANDBY", 2, null, null, "b-meta", "[fd00::1]:2883", true, List.of())),
                "sandbox", true);
        assertTrue(InventoryValidator.validate(inventory).isEmpty(), InventoryValidator.validate(inventory).toString());
    }

    @Test
    void metaDbAddresses_parseWithAndWithoutPort() {
        assertEquals(2883, CheckEngine.endpoint(cluster("meta.example:2883")).port());
        assertEquals("fd00::1", CheckEngine.endpoint(cluster("[fd00::1]:2881")).host());
        assertEquals(2881, CheckEngine.endpoint(cluster("10.0.0.1")).port());
    }

    private static PlannedCluster cluster(String metaDb) {
        return new PlannedCluster("b", "STANDBY", 2, null, null, "b-meta", metaDb, true, List.of());
    }
}
