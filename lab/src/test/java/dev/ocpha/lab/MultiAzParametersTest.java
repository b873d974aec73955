package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two OCP nodes of one cluster in two AZs share the MetaDB but each keeps its AZ's own parameters (ocp-facts §9). */
class MultiAzParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(3).sshPort(0).ocpStartDelay(Duration.ofMillis(200)).start();
        Path media = dir.resolve("media");
        LabMedia.generate(media, LabMedia.DEFAULT, 16 * 1024);
        LabHost db = fleet.host(0);
        for (LabHost host : fleet.hosts()) {
            Deploy.media(fleet, host, media);
        }
        assertEquals(0, Deploy.metaDb(fleet, db, "azdb", "zone1").status());
        Deploy.bootstrap(fleet, "azdb", db);
        for (int i = 1; i <= 2; i++) {
            SshjClient.Result run = Deploy.ocp(fleet, fleet.host(i), db.address(), "azdb", 8080,
                    "ocp.multi-az.enabled:true\nocp.multi-az.az-name:az" + i + "\n");
            assertEquals(0, run.status(), run.err());
        }
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void eachAzKeepsItsOwnSiteUrl_whileClusterWideParametersAreShared() throws Exception {
        for (int i = 1; i <= 2; i++) {
            String base = "http://" + fleet.host(i).address() + ":8080";
            Http.await(base + "/api/status", Deploy.ADMIN_PW, 20);
            assertEquals(200, Http.put(base + "/api/v2/config/systemParameters/ocp.site.url", Deploy.ADMIN_PW,
                    "{\"value\": \"http://az" + i + ".example:80\"}").statusCode());
        }
        String first = "http://" + fleet.host(1).address() + ":8080";
        assertEquals(200, Http.put(first + "/api/v2/config/systemParameters/ocp.system.default.language",
                Deploy.ADMIN_PW, "{\"value\": \"en-US\"}").statusCode());
        for (int i = 1; i <= 2; i++) {
            String base = "http://" + fleet.host(i).address() + ":8080";
            SshjClient.run(fleet, fleet.host(i), "docker restart ocp", "");
            Http.await(base + "/api/status", Deploy.ADMIN_PW, 20);
            HttpResponse<String> params = Http.get(base + "/api/v2/config/systemParameters", Deploy.ADMIN_PW);
            JsonNode contents = JSON.readTree(params.body()).at("/data/contents");
            assertEquals("http://az" + i + ".example:80", value(contents, "ocp.site.url"), "node of az" + i);
            assertEquals("en-US", value(contents, "ocp.system.default.language"), "one cluster, one language");
        }
    }

    private static String value(JsonNode contents, String name) {
        for (JsonNode parameter : contents) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter.get("value").asText();
            }
        }
        throw new AssertionError(name + " is not listed");
    }
}
