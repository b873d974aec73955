package dev.ocpha.checker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownHostsTest {

    private static PlannedHost host(String address) {
        return new PlannedHost("h", new HostAccess(address, 22, "root", "key"), null, null, null, null, List.of(), null);
    }

    @Test
    void hostsOfKnownDeployments_passAndOthersAreNamedByTheirField() {
        List<InventoryProblem> problems = KnownHosts.outside(List.of(host("10.0.0.1"), host("169.254.169.254")),
                Set.of("10.0.0.1"));
        assertEquals(1, problems.size());
        assertEquals("hosts[1].access.address", problems.get(0).field());
    }

    @Test
    void nothingKnown_refusesEveryHost() {
        assertEquals(2, KnownHosts.outside(List.of(host("a"), host("b")), Set.of()).size());
    }
}
