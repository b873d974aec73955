package dev.ocpha.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.lab.LabHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each of the lab's faults yields exactly the expected result on exactly the faulted host: a baseline run, the
 * fault, the same run again, and the difference between the two is compared whole.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
class LabFaultsTest {

    private static final Map<String, Object> BODY = CheckRuns.body("sandbox",
            LabFleetResource.fleet().hosts().stream().map(h -> CheckRuns.host(h, HostRoles.ALL)).toList());

    private interface Fault {
        void inject();
    }

    /** The changes a fault makes between two otherwise identical runs; the fault is cleared afterwards. */
    private static List<String> changesUnder(LabHost host, Fault fault, JsonPath[] faulted) {
        JsonPath baseline = CheckRuns.run(BODY);
        fault.inject();
        try {
            faulted[0] = CheckRuns.run(BODY);
        } finally {
            host.clearFaults();
            host.up();
        }
        return CheckRuns.changes(CheckRuns.statuses(baseline), CheckRuns.statuses(faulted[0]));
    }

    private static LabHost host(int index) {
        return LabFleetResource.fleet().host(index);
    }

    @Test
    void portOccupied_failsThatPortOnThatHostOnly() {
        LabHost h = host(1);
        JsonPath[] faulted = new JsonPath[1];
        assertEquals(List.of(h.name() + "/port-free:2881: PASS -> FAIL"), changesUnder(h, () -> h.occupyPort(2881), faulted));
        assertEquals("listening on " + h.address() + ":2881",
                CheckRuns.result(faulted[0], h.name(), "port-free:2881").get("observed"));
    }

    @Test
    void clockTwoSecondsAhead_failsTheSkewOfThatHostOnly() {
        LabHost h = host(2);
        JsonPath[] faulted = new JsonPath[1];
        List<String> changes = changesUnder(h, () -> h.clockOffset(Duration.ofSeconds(2)), faulted);
        // chrony sees the same offset: a warning of its own (the NTP check weighs as a warning)
        assertEquals(List.of(h.name() + "/clock-skew: PASS -> FAIL", h.name() + "/ntp: PASS -> WARN"), changes);
        String observed = (String) CheckRuns.result(faulted[0], h.name(), "clock-skew").get("observed");
        double skew = Double.parseDouble(observed.substring(0, observed.indexOf(' ')));
        assertTrue(Math.abs(skew - 2000) < 500, observed);
    }

    @Test
    void hostDown_isOnePlainFailure_andTheOtherHostsAreUnchanged() {
        LabHost h = host(0);
        JsonPath[] faulted = new JsonPath[1];
        List<String> changes = changesUnder(h, h::down, faulted);
        assertEquals(Map.of("ssh-connection", "FAIL"), CheckRuns.statuses(faulted[0]).get(h.name()));
        assertEquals("UNREACHABLE", CheckRuns.result(faulted[0], h.name(), "ssh-connection").get("observed"));
        assertTrue(changes.stream().allMatch(c -> c.startsWith(h.name() + "/")), changes.toString());
    }

    @Test
    void keyRejected_isAnAuthenticationFailureOfThatHostOnly() {
        LabHost h = host(1);
        JsonPath[] faulted = new JsonPath[1];
        List<String> changes = changesUnder(h, () -> h.rejectClientKey(true), faulted);
        assertEquals(Map.of("ssh-connection", "FAIL"), CheckRuns.statuses(faulted[0]).get(h.name()));
        Map<String, Object> failure = CheckRuns.result(faulted[0], h.name(), "ssh-connection");
        assertEquals("AUTHENTICATION_FAILED", failure.get("observed"));
        assertTrue(((String) failure.get("message")).contains("refused the key of credential 'lab'"), failure.toString());
        assertTrue(changes.stream().allMatch(c -> c.startsWith(h.name() + "/")), changes.toString());
    }

    @Test
    void hostKeyChanged_isRefusedAsAMismatchOnThatHostOnly() {
        LabHost h = host(2);
        JsonPath[] faulted = new JsonPath[1];
        List<String> changes;
        try {
            changes = changesUnder(h, h::rotateHostKey, faulted);
        } finally {
            h.restoreHostKey();
        }
        assertEquals(Map.of("ssh-connection", "FAIL"), CheckRuns.statuses(faulted[0]).get(h.name()));
        assertEquals("HOST_KEY_MISMATCH", CheckRuns.result(faulted[0], h.name(), "ssh-connection").get("observed"));
        assertTrue(changes.stream().allMatch(c -> c.startsWith(h.name() + "/")), changes.toString());
    }

    @Test
    void hungTool_timesThatHostOut_andTheOthersAreStillChecked() {
        LabHost h = host(0);
        JsonPath[] faulted = new JsonPath[1];
        List<String> changes = changesUnder(h, () -> h.hangTool("sysctl"), faulted);
        assertEquals(Map.of("ssh-connection", "FAIL"), CheckRuns.statuses(faulted[0]).get(h.name()));
        Map<String, Object> failure = CheckRuns.result(faulted[0], h.name(), "ssh-connection");
        assertEquals("TIMEOUT", failure.get("observed"));
        assertTrue(((String) failure.get("message")).contains("did not finish within 10000 ms"), failure.toString());
        assertTrue(changes.stream().allMatch(c -> c.startsWith(h.name() + "/")), changes.toString());
    }
}
