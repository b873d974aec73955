package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.lab.standins.Container;
import dev.ocpha.lab.standins.OatConsole;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OatConsoleTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(3).sshPort(0).ocpStartDelay(Duration.ofMillis(200)).start();
        Path media = dir.resolve("media");
        LabMedia.generate(media, List.of(LabMedia.OCP), 64 * 1024);
        for (LabHost host : List.of(fleet.host(0), fleet.host(1))) {
            Files.copy(media.resolve("ocp-4.2.2.tar"), host.root().resolve("tmp/ocp.tar"));
            SshjClient.exec(fleet, host, "docker load -i /tmp/ocp.tar");
        }
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static Map<String, String> form(String servers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("image", LabMedia.OCP.image());
        form.put("productName", "ocp-a");
        form.put("servers", servers);
        form.put("cpu", "4");
        form.put("memoryGb", "8");
        form.put("httpPort", "8080");
        form.put("metaDbHost", fleet.host(0).address());
        form.put("metaDbPort", "2883");
        form.put("metaDbUser", "meta_user@ocp_meta#obcluster");
        form.put("metaPassword", "Meta-pw-1");
        form.put("metaDbDatabase", "meta_database");
        form.put("monitorDbUser", "monitor_user@ocp_monitor#obcluster");
        form.put("monitorPassword", "Monitor-pw-1");
        form.put("monitorDbDatabase", "monitor_database");
        form.put("adminPassword", "Admin-pw-1");
        form.put("siteUrl", "http://" + fleet.host(0).address() + ":8080");
        return form;
    }

    private static HttpResponse<String> submit(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(fleet.services().oat().url() + OatConsole.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theInstallForm_runsTheOcpImageOnEveryServer_withTheFormsValues_andJournalsItAsOats() throws Exception {
        String servers = fleet.host(0).address() + "," + fleet.host(1).address();
        HttpResponse<String> installed = submit(form(servers));
        assertEquals(200, installed.statusCode(), installed.body());
        for (LabHost host : List.of(fleet.host(0), fleet.host(1))) {
            Container ocp = host.runtime().docker().container("ocp").orElseThrow();
            assertTrue(ocp.running());
            assertEquals("host", ocp.network);
            assertEquals(4.0, ocp.cpus());
            assertEquals(fleet.host(0).address(), ocp.env.get("OCP_METADB_HOST"));
            assertEquals("Admin-pw-1", ocp.env.get("OCP_INITIAL_ADMIN_PASSWORD"));
            assertTrue(ocp.env.get("OCP_CONFIG_PROPERTIES").contains("ocp.site.url:http://" + fleet.host(0).address() + ":8080"));
            List<JournalEntry> oat = host.journal().stream().filter(e -> e.tool().equals("oat")).toList();
            assertEquals(1, oat.size(), oat.toString());
            assertFalse(oat.get(0).result().contains("pw-1"), oat.get(0).result());
        }

        HttpResponse<String> again = submit(form(fleet.host(1).address()));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("已安装 OCP"), again.body());
    }

    @Test
    void aFormMissingAFieldOrNamingAServerWithoutTheImage_installsNothing_andSaysWhy() throws Exception {
        Map<String, String> incomplete = form(fleet.host(2).address());
        incomplete.remove("metaDbUser");
        HttpResponse<String> missing = submit(incomplete);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("metaDbUser"), missing.body());

        HttpResponse<String> noImage = submit(form(fleet.host(2).address()));
        assertEquals(400, noImage.statusCode());
        assertTrue(noImage.body().contains("上没有镜像"), noImage.body());

        HttpResponse<String> unknown = submit(form("10.255.255.1"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("10.255.255.1"), unknown.body());
        assertTrue(fleet.host(2).runtime().docker().container("ocp").isEmpty());
    }
}
