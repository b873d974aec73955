package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.lab.ocp.OcpServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two OCP clusters, each with its own MetaDB, switched to multi-cluster mode the documented way: {@code ./ocp-bootstrap
 * -i} in the container, {@code enableMc}, then {@code docker restart} (oceanbase/ocp-doc@V4.2.2
 * {@code zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/900.multi-cluster-mode-switch.md}).
 */
class MultiClusterTest {
    private static final String BOOTSTRAP = "/home/admin/ocp-server/bin/ocp-bootstrap";
    private static final String SESSION = "docker exec -i ocp bash -c 'cd /home/admin/ocp-server/bin && ./ocp-bootstrap -i'";
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static LabHost primary;
    static LabHost standby;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(2).sshPort(0).ocpStartDelay(Duration.ofMillis(200)).start();
        Path media = dir.resolve("media");
        LabMedia.generate(media, LabMedia.DEFAULT, 16 * 1024);
        primary = fleet.host(0);
        standby = fleet.host(1);
        for (LabHost h : fleet.hosts()) {
            Deploy.media(fleet, h, media);
            String cluster = h == primary ? "metadb_a" : "metadb_b";
            Deploy.metaDb(fleet, media, cluster, h);
            assertEquals(0, Deploy.ocp(fleet, h, h.address(), cluster, 8080).status());
            Http.await("http://" + h.address() + ":8080/api/status", Deploy.ADMIN_PW, 20);
        }
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void enableMcInTheInteractiveSession_takesEffectAtTheRestart_andReApplyingItChangesNothing() throws Exception {
        SshjClient.Result leader = SshjClient.run(fleet, primary, SESSION, "enableMc 1 ocp-a LEADER\nexit\n");
        assertEquals(0, leader.status(), leader.err());
        assertTrue(leader.out().startsWith("ocp-bootstrap> enableMc success: cluster 1 ocp-a LEADER"), leader.out());
        SshjClient.Result follower = SshjClient.run(fleet, standby, SESSION, "enableMc 2 ocp-b FOLLOWER\n");
        assertTrue(follower.out().contains("enableMc success: cluster 2 ocp-b FOLLOWER"), follower.out());
        assertNull(ocp(standby).multiCluster(), "the mode takes effect at the restart");

        for (LabHost h : fleet.hosts()) {
            SshjClient.exec(fleet, h, "docker restart ocp");
            Http.await("http://" + h.address() + ":8080/api/status", Deploy.ADMIN_PW, 20);
        }
        JsonNode mode = ocp(standby).multiCluster();
        assertEquals(2, mode.path("clusterId").asInt(), mode.toString());
        assertEquals("FOLLOWER", mode.path("role").asText(), mode.toString());
        assertEquals("LEADER", ocp(primary).multiCluster().path("role").asText());

        // the same setting again (another node of the cluster, or a retried step): written again, nothing else changes
        SshjClient.Result again = SshjClient.run(fleet, primary, SESSION, "enableMc 1 ocp-a LEADER\nexit\n");
        assertTrue(again.out().contains("enableMc success"), again.out());
        SshjClient.exec(fleet, primary, "docker restart ocp");
        Http.await("http://" + primary.address() + ":8080/api/status", Deploy.ADMIN_PW, 20);
        assertEquals(1, ocp(primary).multiCluster().path("clusterId").asInt());
    }

    @Test
    void undocumentedCommandsAndArguments_areRefused() throws Exception {
        for (String args : new String[] {"showMc", "registerMc 10.0.0.1 2881 u db", "enableMc 1 ocp-a LEADER", ""}) {
            SshjClient.Result direct = SshjClient.run(fleet, standby, "docker exec ocp " + BOOTSTRAP + " " + args);
            assertEquals(2, direct.status(), args);
            assertTrue(direct.err().contains("usage: ocp-bootstrap -i"), direct.err());
        }
        SshjClient.Result session = SshjClient.run(fleet, standby, SESSION,
                "showMc\nregisterMc 10.0.0.1 2881 u db\nenableMc 0 x LEADER\nunregisterMc\nexit\n");
        assertEquals(0, session.status(), session.err());
        assertTrue(session.out().contains("ERROR: unknown command 'showMc'"), session.out());
        assertTrue(session.out().contains("ERROR: unknown command 'registerMc'"), session.out());
        assertTrue(session.out().contains("ERROR: usage: enableMc"), session.out());
        assertTrue(session.out().contains("ERROR: this cluster is not registered to a LEADER"), session.out());
        // the tool lives in the OCP image only: the host itself has no such program
        SshjClient.Result onTheHost = SshjClient.run(fleet, standby, BOOTSTRAP + " -i", "exit\n");
        assertEquals(127, onTheHost.status());
    }

    private static OcpServer ocp(LabHost host) {
        return (OcpServer) host.runtime().docker().process("ocp").orElseThrow();
    }
}
