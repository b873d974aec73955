package dev.ocpha.checker;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import org.awaitility.Awaitility;

import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.lab.LabHost;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Drives the checker's HTTP API from tests and reads its answers. */
final class CheckRuns {

    private CheckRuns() {
    }

    static Map<String, Object> host(LabHost host, List<String> roles) {
        return host(host, roles, LabFleetResource.CREDENTIAL);
    }

    static Map<String, Object> host(LabHost host, List<String> roles, String credential) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", host.name());
        entry.put("address", host.address());
        entry.put("sshPort", host.sshPort());
        entry.put("user", "root");
        entry.put("credentialRef", credential);
        entry.put("roles", roles);
        return entry;
    }

    /** Starts a precheck of lab hosts, which belong to no deployment the checker knows: the request says so. */
    static String start(Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.putIfAbsent("outsideKnownDeployments", true);
        return asAdmin().contentType(ContentType.JSON).body(request).post("/checks")
                .then().statusCode(202).extract().path("runId");
    }

    static JsonPath await(String runId) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() ->
                "DONE".equals(asAdmin().get("/checks/" + runId).then().statusCode(200).extract().path("status")));
        return asAdmin().get("/checks/" + runId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath run(Map<String, Object> body) {
        return await(start(body));
    }

    static Map<String, Object> body(String profile, List<Map<String, Object>> hosts) {
        Map<String, Object> body = new HashMap<>();
        body.put("profile", profile);
        body.put("hosts", hosts);
        return body;
    }

    /** host → check → status, for comparing runs. */
    static Map<String, Map<String, String>> statuses(JsonPath run) {
        Map<String, Map<String, String>> byHost = new TreeMap<>();
        List<Map<String, Object>> hosts = run.getList("hosts");
        for (Map<String, Object> host : hosts) {
            Map<String, String> checks = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) host.get("results");
            results.forEach(r -> checks.put((String) r.get("check"), (String) r.get("status")));
            byHost.put((String) host.get("host"), checks);
        }
        return byHost;
    }

    /** The (host, check) pairs whose status differs between two runs, as {@code host/check: before -> after}. */
    static List<String> changes(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        List<String> changes = new ArrayList<>();
        for (String host : before.keySet()) {
            Map<String, String> a = before.get(host);
            Map<String, String> b = after.getOrDefault(host, Map.of());
            TreeMap<String, String> all = new TreeMap<>(a);
            b.forEach(all::putIfAbsent);
            for (String check : all.keySet()) {
                if (!String.valueOf(a.get(check)).equals(String.valueOf(b.get(check)))) {
                    changes.add(host + "/" + check + ": " + a.get(check) + " -> " + b.get(check));
                }
            }
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(JsonPath run, String host, String check) {
        List<Map<String, Object>> hosts = run.getList("hosts");
        return hosts.stream().filter(h -> host.equals(h.get("host")))
                .flatMap(h -> ((List<Map<String, Object>>) h.get("results")).stream())
                .filter(r -> check.equals(r.get("check"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " on " + host + " in " + run.prettify()));
    }
}
