package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.lab.ocp.OcpServer;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** An OCP container against a one-replica MetaDB, observed with a real HTTP client on the host's own address. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OcpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static LabHost db;
    static LabHost node;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(2).sshPort(0).ocpStartDelay(Duration.ofMillis(300)).start();
        Path media = dir.resolve("media");
        LabMedia.generate(media, LabMedia.DEFAULT, 16 * 1024);
        db = fleet.host(0);
        node = fleet.host(1);
        Deploy.media(fleet, db, media);
        Deploy.media(fleet, node, media);
        Deploy.metaDb(fleet, media, "metadb", db);
        SshjClient.Result run = Deploy.ocp(fleet, node, db.address(), "metadb", 8080);
        assertEquals(0, run.status(), run.err());
        base = "http://" + node.address() + ":8080";
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    @Order(1)
    void afterItsStartDelay_statusIsOkay_onTheHostsOwnAddress_withBasicAuth() throws Exception {
        HttpResponse<String> status = Http.await(base + "/api/status", Deploy.ADMIN_PW, 20);
        assertEquals(200, status.statusCode());
        assertEquals("okay", status.body());
        assertEquals(401, Http.get(base + "/api/status", null).statusCode());
        assertEquals(401, Http.get(base + "/api/status", "wrong").statusCode());
        assertThrows(ConnectException.class, () -> Http.get("http://" + db.address() + ":8080/api/status", Deploy.ADMIN_PW));
    }

    @Test
    @Order(2)
    void infoReportsTheImagesVersionInOcpsEnvelope_andTimeNeedsNoAuth() throws Exception {
        JsonNode info = JSON.readTree(Http.get(base + "/api/v2/info", Deploy.ADMIN_PW).body());
        assertTrue(info.get("successful").asBoolean());
        assertEquals("4.2.2", info.at("/data/buildVersion").asText());
        assertEquals("ocp-server", info.at("/data/artifact").asText());
        assertEquals(node.address(), info.get("server").asText());
        JsonNode time = JSON.readTree(Http.get(base + "/api/v2/time", null).body());
        OffsetDateTime served = OffsetDateTime.parse(time.get("data").asText());
        assertTrue(Math.abs(Duration.between(served.toInstant(), java.time.Instant.now()).toSeconds()) < 30);
    }

    @Test
    @Order(3)
    void clockOffset_showsInApiV2Time() throws Exception {
        node.clockOffset(Duration.ofMinutes(10));
        try {
            JsonNode time = JSON.readTree(Http.get(base + "/api/v2/time", null).body());
            long skew = Duration.between(java.time.Instant.now(), OffsetDateTime.parse(time.get("data").asText()).toInstant()).toSeconds();
            assertTrue(Math.abs(skew - 600) < 30, "skew " + skew);
        } finally {
            node.clockOffset(Duration.ZERO);
        }
    }

    @Test
    @Order(4)
    void systemParameters_comeFromOcpConfigPropertiesAtFirstBoot_andNoParameterApiExists() throws Exception {
        OcpServer ocp = (OcpServer) node.runtime().docker().process("ocp").orElseThrow();
        assertEquals("http://" + node.address() + ":8080", ocp.accessAddress());
        // OCP documents its system parameters only in its UI: such a path is unknown, like any other
        assertEquals(404, Http.get(base + "/api/v2/config/systemParameters", Deploy.ADMIN_PW).statusCode());
        assertEquals(404, Http.put(base + "/api/v2/config/systemParameters/ocp.site.url", Deploy.ADMIN_PW,
                "{\"value\": \"http://10.0.0.1:8080\"}").statusCode());
        assertEquals("http://" + node.address() + ":8080", ocp.accessAddress());
    }

    @Test
    @Order(4)
    void aMalformedConfigPropertiesLine_stopsTheContainerAtBoot_andItsLogSaysWhichLine() throws Exception {
        SshjClient.Result run = Deploy.ocp(fleet, db, db.address(), "metadb", 8080, "ocp.site.url http://x:8080\n");
        assertEquals(0, run.status(), run.err());
        awaitStopped(db, "ocp");
        String logs = SshjClient.exec(fleet, db, "docker logs ocp");
        assertTrue(logs.contains("OCP_CONFIG_PROPERTIES line 1 'ocp.site.url http://x:8080' is not name:value"), logs);
        SshjClient.exec(fleet, db, "docker rm -f ocp");

        assertEquals(0, Deploy.ocp(fleet, db, db.address(), "metadb", 8080, "ocp.site.url:https://x:8080/\n").status());
        awaitStopped(db, "ocp");
        assertTrue(SshjClient.exec(fleet, db, "docker logs ocp").contains("ocp.site.url must be http://host[:port]"));
        SshjClient.exec(fleet, db, "docker rm -f ocp");
    }

    private static void awaitStopped(LabHost host, String container) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String state = "";
        while (System.nanoTime() < deadline && !state.equals("false")) {
            state = SshjClient.exec(fleet, host, "docker inspect --format '{{.State.Running}}' " + container).trim();
            Thread.sleep(100);
        }
        assertEquals("false", state, container + " still runs");
    }

    @Test
    @Order(5)
    void dockerShowsTheJavaProcessAndLimits() throws Exception {
        assertTrue(SshjClient.exec(fleet, node, "docker exec ocp pgrep -a java").contains("java -server -Xms8g"));
        assertTrue(SshjClient.exec(fleet, node, "docker stats --no-stream --format '{{.MemUsage}}' ocp").endsWith("/ 16.00GiB\n"));
    }

    @Test
    @Order(5)
    void logsAreWrittenInsideTheContainer_readWithDockerExec_andNotOnTheHost() throws Exception {
        assertTrue(SshjClient.exec(fleet, node, "docker exec ocp tail -n 200 /home/admin/logs/ocp/ocp.log")
                .contains("Started OcpServerApplication"));
        assertEquals(0, SshjClient.run(fleet, node, "docker exec ocp test -s /home/admin/logs/ocp/bootstrap.log").status());
        assertTrue(SshjClient.exec(fleet, node, "docker exec ocp ls /home/admin/logs/ocp").contains("ocp.log"));
        assertEquals(1, SshjClient.run(fleet, node, "test -e /home/admin/logs/ocp/ocp.log").status(),
                "the host has no ocp.log of its own");
        assertFalse(Files.exists(node.root().resolve("home/admin/logs/ocp/bootstrap.log")));
    }

    @Test
    @Order(6)
    void ocpDown_stopsHttp_andARestartBringsItBackAfterTheDelay() throws Exception {
        assertEquals(1, node.ocpDown());
        assertThrows(ConnectException.class, () -> Http.get(base + "/api/status", Deploy.ADMIN_PW));
        assertEquals(1, SshjClient.run(fleet, node, "docker exec ocp pgrep -a java").status());
        SshjClient.exec(fleet, node, "docker restart ocp");
        assertEquals("okay", Http.await(base + "/api/status", Deploy.ADMIN_PW, 20).body());
    }

    @Test
    @Order(7)
    void wrongVersionFault_showsAtTheNextStart() throws Exception {
        node.ocpWrongVersion("4.0.3");
        try {
            SshjClient.exec(fleet, node, "docker restart ocp");
            JsonNode info = JSON.readTree(Http.await(base + "/api/v2/info", Deploy.ADMIN_PW, 20).body());
            assertEquals("4.0.3", info.at("/data/buildVersion").asText());
        } finally {
            node.clearFaults();
        }
    }

    @Test
    @Order(8)
    void metaDbHostDown_makesStatusBad_andTheLogSaysWhy() throws Exception {
        Http.await(base + "/api/status", Deploy.ADMIN_PW, 20);
        db.stop();
        try {
            assertEquals("bad", Http.get(base + "/api/status", Deploy.ADMIN_PW).body());
            assertTrue(SshjClient.exec(fleet, node, "docker exec ocp tail -n 50 /home/admin/logs/ocp/ocp.log")
                    .contains("Can't connect to MySQL server on '" + db.address()));
        } finally {
            db.start();
        }
        assertEquals("okay", Http.get(base + "/api/status", Deploy.ADMIN_PW).body());
    }

    @Test
    @Order(9)
    void aMissingEnvironmentVariable_stopsTheContainer_andItsLogSaysWhich() throws Exception {
        SshjClient.Result bad = SshjClient.run(fleet, db, "docker run -d --name broken2 -e OCP_METADB_HOST=x " + LabMedia.OCP.image());
        assertEquals(0, bad.status(), bad.err());
        long deadline = System.nanoTime() + 20_000_000_000L;
        String state = "";
        while (System.nanoTime() < deadline && !state.equals("false")) {
            state = SshjClient.exec(fleet, db, "docker inspect --format '{{.State.Running}}' broken2").trim();
            Thread.sleep(100);
        }
        assertEquals("false", state);
        assertTrue(SshjClient.exec(fleet, db, "docker logs broken2").contains("OCP_METADB_PORT is not set"));
        SshjClient.exec(fleet, db, "docker rm -f broken2");
    }

    @Test
    @Order(10)
    void everyRequestIsJournaled_withoutTheAdminPassword() {
        String journal = node.journal().toString();
        assertTrue(journal.contains("ocp-http GET /api/status") || node.journal().stream()
                .anyMatch(e -> e.tool().equals("ocp-http") && e.argv().equals(java.util.List.of("GET", "/api/status"))));
        assertFalse(journal.contains(Deploy.ADMIN_PW));
    }
}
