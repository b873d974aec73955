package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A primary (LEADER) and a standby (FOLLOWER) OCP cluster, each with its own MetaDB, bound with ocp-bootstrap. */
class MultiClusterTest {
    private static final String BOOTSTRAP = "/home/admin/ocp-server/bin/ocp-bootstrap";
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
            assertEquals(0, Deploy.metaDb(fleet, h, cluster, "zone1").status());
            Deploy.bootstrap(fleet, cluster, h);
            assertEquals(0, Deploy.ocp(fleet, h, h.address(), cluster, 8080).status());
            Http.await("http://" + h.address() + ":8080/api/status", Deploy.ADMIN_PW, 20);
        }
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void standbyBoundInItsConsole_isListedByThePrimaryWithAdvancingHeartbeats() throws Exception {
        assertEquals("mode: STANDALONE\nbinding: none\n", SshjClient.exec(fleet, standby, "docker exec ocp " + BOOTSTRAP + " showMc"));
        HttpResponse<String> standalone = bind(standby, primary, "meta_database", Deploy.META_PW);
        assertEquals(409, standalone.statusCode());
        assertTrue(standalone.body().contains("欢迎使用多集群模式"), standalone.body());
        SshjClient.Result unknown = SshjClient.run(fleet, standby, "docker exec -i ocp " + BOOTSTRAP + " registerMc "
                + primary.address() + " 2881 meta_user@ocp_meta#metadb_a meta_database", Deploy.META_PW + "\n");
        assertEquals(2, unknown.status(), "registerMc is no command of ocp-bootstrap");
        assertTrue(unknown.err().contains("unknown command 'registerMc'"), unknown.err());

        assertTrue(SshjClient.exec(fleet, primary, "docker exec ocp " + BOOTSTRAP + " enableMc 1 ocp-a LEADER").contains("success"));
        assertTrue(SshjClient.exec(fleet, standby, "docker exec ocp " + BOOTSTRAP + " enableMc 2 ocp-b FOLLOWER").contains("success"));
        assertTrue(SshjClient.exec(fleet, standby, "docker exec ocp " + BOOTSTRAP + " showMc").contains("(restart pending)"));
        for (LabHost h : fleet.hosts()) {
            SshjClient.exec(fleet, h, "docker restart ocp");
            Http.await("http://" + h.address() + ":8080/api/status", Deploy.ADMIN_PW, 20);
        }
        assertEquals("cluster_id: 2\ncluster_name: ocp-b\nrole: FOLLOWER\nmode: MULTI_CLUSTER\nbinding: none\n",
                SshjClient.exec(fleet, standby, "docker exec ocp " + BOOTSTRAP + " showMc"));

        HttpResponse<String> leaderBinds = bind(primary, standby, "meta_database", Deploy.META_PW);
        assertEquals(409, leaderBinds.statusCode(), "a LEADER shows no binding page");
        HttpResponse<String> wrongPassword = bind(standby, primary, "meta_database", "wrong");
        assertEquals(400, wrongPassword.statusCode());
        assertTrue(wrongPassword.body().contains("ERROR 1045"), wrongPassword.body());
        HttpResponse<String> wrongDatabase = bind(standby, primary, "meta_01", Deploy.META_PW);
        assertEquals(400, wrongDatabase.statusCode());
        assertTrue(wrongDatabase.body().contains("ERROR"), wrongDatabase.body());

        assertEquals(200, bind(standby, primary, "meta_database", Deploy.META_PW).statusCode());
        assertEquals(200, bind(standby, primary, "meta_database", Deploy.META_PW).statusCode()); // idempotent
        assertTrue(SshjClient.exec(fleet, standby, "docker exec ocp " + BOOTSTRAP + " showMc")
                .contains("binding: " + primary.address() + ":2881 meta_database"));
        assertFalse(standby.journal().stream().anyMatch(e -> e.commandLine().contains(Deploy.META_PW)),
                "the console's form is no command line");

        String query = "SELECT cluster_id, cluster_name, role, version, status, heartbeat_time, sync_status, access_address "
                + "FROM meta_database.ocp_multi_cluster";
        String first = awaitRows(query, 2);
        Thread.sleep(2500);
        String later = Deploy.sql(fleet, primary, primary.address(), "meta_user@ocp_meta", Deploy.META_PW, query).out();
        String[] standbyRowBefore = first.lines().filter(l -> l.startsWith("2\t")).findFirst().orElseThrow().split("\t");
        String[] standbyRow = later.lines().filter(l -> l.startsWith("2\t")).findFirst().orElseThrow().split("\t");
        assertEquals("ocp-b", standbyRow[1]);
        assertEquals("FOLLOWER", standbyRow[2]);
        assertEquals("4.2.2", standbyRow[3]);
        assertEquals("RUNNING", standbyRow[4]);
        assertEquals("SYNCED", standbyRow[6]);
        assertEquals("http://" + standby.address() + ":8080", standbyRow[7]);
        assertTrue(standbyRow[5].compareTo(standbyRowBefore[5]) > 0, "heartbeat did not advance: " + first + " / " + later);
        assertTrue(later.lines().anyMatch(l -> l.startsWith("1\tocp-a\tLEADER\t4.2.2\tRUNNING")), later);

        // the standby's host goes down: its heartbeat stops, and the leader shows it timed out
        standby.stop();
        try {
            Thread.sleep(6500);
            String timedOut = Deploy.sql(fleet, primary, primary.address(), "meta_user@ocp_meta", Deploy.META_PW, query).out();
            assertTrue(timedOut.lines().anyMatch(l -> l.startsWith("2\tocp-b\tFOLLOWER\t4.2.2\tHEARTBEAT_TIMEOUT")), timedOut);
        } finally {
            standby.start();
        }
        Http.await("http://" + standby.address() + ":8080/api/status", Deploy.ADMIN_PW, 20);
    }

    /** The standby console's "绑定到主 OCP" form, as an operator submits it. */
    private static HttpResponse<String> bind(LabHost console, LabHost metaDb, String database, String password)
            throws Exception {
        return Http.postForm("http://" + console.address() + ":8080/lab/console/multi-cluster/bind", Deploy.ADMIN_PW,
                java.util.Map.of("host", metaDb.address(), "port", "2881", "user", "meta_user@ocp_meta#"
                        + (metaDb == primary ? "metadb_a" : "metadb_b"), "password", password, "database", database));
    }

    private static String awaitRows(String query, int rows) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Deploy.sql(fleet, primary, primary.address(), "meta_user@ocp_meta", Deploy.META_PW, query).out();
            if (out.lines().filter(l -> !l.contains("\tNULL\t")).count() == rows) {
                return out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the multi-cluster table never had " + rows + " rows with heartbeats: " + out);
    }
}
