package dev.ocpha.checker;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.lab.LabHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auto-fix on the lab's un-tuned hosts: what it says it changed is changed on the host, and the re-check passes it. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
class AutoFixTest {

    private static final List<String> FIXED = List.of("kernel:vm.swappiness", "kernel:net.core.somaxconn",
            "kernel:vm.max_map_count", "ulimits", "transparent-hugepages", "swap", "firewall");

    @Test
    void autofixEndpoint_appliesTheSafeFixes_theRecheckPassesThem_andListsWhatItCouldNotFix() throws Exception {
        LabHost host = LabFleetResource.fleet().host(2);
        JsonPath before = CheckRuns.run(CheckRuns.body("production", List.of(CheckRuns.host(host, HostRoles.ALL))));
        for (String check : FIXED) {
            Map<String, Object> result = CheckRuns.result(before, host.name(), check);
            assertEquals("FAIL", result.get("status"), check);
            assertEquals(true, result.get("autoFixable"), check);
        }
        assertEquals(false, CheckRuns.result(before, host.name(), "selinux").get("autoFixable"));

        String fixRun = asAdmin().post("/checks/" + before.getString("runId") + "/autofix").then().statusCode(202)
                .extract().path("runId");
        JsonPath after = CheckRuns.await(fixRun);
        assertEquals("AUTOFIX", after.getString("kind"));
        for (String check : FIXED) {
            assertEquals("PASS", CheckRuns.result(after, host.name(), check).get("status"), check);
        }
        List<Map<String, Object>> fixes = after.getList("fixes");
        assertTrue(fixes.stream().allMatch(f -> Integer.valueOf(0).equals(f.get("exitStatus"))), fixes.toString());
        assertTrue(fixes.stream().anyMatch(f -> f.get("command").toString().startsWith("sysctl -w 'vm.swappiness=0'")));
        List<String> notFixed = after.getList("notFixed.check");
        assertTrue(notFixed.containsAll(List.of("selinux", "cpu-cores", "memory-available")), notFixed.toString());
        assertFalse(notFixed.stream().anyMatch(FIXED::contains), notFixed.toString());

        // what the fixes say they changed is on the host: persisted sysctl values, the limits file, THP
        String sysctl = Files.readString(host.root().resolve("etc/sysctl.d/oceanbase.conf"));
        assertTrue(sysctl.contains("vm.swappiness = 0\n") && sysctl.contains("net.core.somaxconn = 2048\n"), sysctl);
        assertEquals(1, sysctl.lines().filter(l -> l.startsWith("vm.swappiness")).count(), sysctl);
        assertTrue(Files.readString(host.root().resolve("etc/security/limits.d/99-oceanbase_limits.conf"))
                .contains("admin hard nproc 655360"));

        // applied again, nothing is left to fix and nothing changes
        JsonPath again = CheckRuns.await(asAdmin().post("/checks/" + fixRun + "/autofix").then().statusCode(202)
                .extract().path("runId"));
        assertEquals(List.of(), again.getList("fixes"));
        assertEquals(CheckRuns.statuses(after), CheckRuns.statuses(again));
    }

    @Test
    void autoFixOption_checksFixesAndChecksAgainInOneRun() {
        LabHost host = LabFleetResource.fleet().host(1);
        Map<String, Object> body = CheckRuns.body("production", List.of(CheckRuns.host(host, List.of(HostRoles.METADB))));
        body.put("autoFix", true);
        JsonPath run = CheckRuns.run(body);
        assertTrue(run.getBoolean("autoFix"));
        assertEquals("PASS", CheckRuns.result(run, host.name(), "swap").get("status"));
        assertEquals("PASS", CheckRuns.result(run, host.name(), "transparent-hugepages").get("status"));
        List<String> fixedChecks = run.getList("fixes.check");
        assertTrue(fixedChecks.contains("transparent-hugepages") || fixedChecks.contains("swap"), fixedChecks.toString());
    }
}
