package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OCP's REST API (ocp-facts §11) as called from the host with {@code curl}: the node's own address may be reachable
 * only from there. The admin password travels on curl's standard input as a config line ({@code curl -K -}), never
 * on a command line.
 */
final class OcpApi {

    /** Parameters that only take effect after a restart (ocp-facts §6.4, §9). */
    private static final java.util.Set<String> RESTART_PARAMETERS = java.util.Set.of("server.port",
            "ocp.system.default.timezone", "ocp.system.default.language");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StepContext context;
    private final String url;
    private final String curlConfig;

    OcpApi(StepContext context, String url, String adminPassword) {
        this.context = context;
        this.url = url;
        // curl's config syntax: inside double quotes, backslash and quote are escaped
        this.curlConfig = "user = \"admin:" + adminPassword.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static boolean needsRestart(String parameter) {
        return RESTART_PARAMETERS.contains(parameter) || parameter.startsWith("ocp.monitordb.");
    }

    /**
     * Polls {@code GET /api/status} on the host until it answers {@code okay}, at most {@code waitSeconds}. A refused
     * password fails at once: retrying it would lock the admin account (ocp-facts §10).
     */
    String awaitHealthy(int waitSeconds, int intervalSeconds) throws StepFailure {
        // shell built-ins only, besides curl: on a busy host every extra process per poll counts
        String script = """
                IFS= read -r CFG
                nl='
                '
                end=
                while :; do
                  resp=$(printf '%%s\\n' "$CFG" | curl -sS -K - --max-time 10 -w '\\n%%{http_code}' %s 2>&1)
                  code=${resp##*"$nl"}
                  body=${resp%%"$nl"*}
                  if [ "$code" = 200 ] && [ "$body" = okay ]; then echo "OCP at %s answers okay"; exit 0; fi
                  if [ "$code" = 401 ]; then echo "OCP at %s refused the admin password (HTTP 401)" >&2; exit 65; fi
                  now=$(date +%%s)
                  [ -n "$end" ] || end=$((now + %d))
                  if [ "$now" -ge "$end" ]; then echo "OCP at %s is not healthy after %d s: HTTP $code $body" >&2; exit 75; fi
                  sleep %d
                done
                """.formatted(quote(url + "/api/status"), url, url, waitSeconds, url, waitSeconds, intervalSeconds);
        return context.run("waiting for OCP at " + url + " to be healthy", script, Shell.lines(curlConfig)).strip();
    }

    /** One answer of {@code GET /api/status}: the HTTP status (0: no answer) and the body, or curl's error. */
    record Status(int code, String body) {
        @Override
        public String toString() {
            return code == 0 ? "no answer: " + body : "HTTP " + code + " " + body;
        }
    }

    /** Asks OCP's status once: {@code path} is the installer profile's ({@code /api/status}). */
    Status status(String path) throws StepFailure {
        String script = "IFS= read -r CFG\nprintf '%s\\n' \"$CFG\" | curl -sS -K - --max-time 10 -w '\\n%{http_code}' "
                + quote(url + path) + " 2>&1\n";
        dev.ocpha.ssh.ExecResult result = context.exec(script, Shell.lines(curlConfig));
        String response = result.stdout().strip();
        int newline = response.lastIndexOf('\n');
        String code = newline < 0 ? response : response.substring(newline + 1).strip();
        if (!result.succeeded() || !code.matches("\\d{3}") || code.equals("000")) {
            return new Status(0, abbreviate(response + " " + result.stderr()));
        }
        return new Status(Integer.parseInt(code), newline < 0 ? "" : abbreviate(response.substring(0, newline)));
    }

    /** The current system parameters, name → value. */
    Map<String, String> parameters() throws StepFailure {
        JsonNode body = call("GET", "/api/v2/config/systemParameters", null);
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode data = body.path("data");
        JsonNode items = data.has("contents") ? data.path("contents") : data.isArray() ? data : body;
        for (JsonNode item : items) {
            if (item.hasNonNull("name")) {
                values.put(item.get("name").asText(), item.path("value").isNull() ? null : item.path("value").asText());
            }
        }
        return values;
    }

    /** Sets one system parameter; true when OCP says it needs a restart to take effect. */
    boolean set(String name, String value) throws StepFailure {
        JsonNode body = call("PUT", "/api/v2/config/systemParameters/" + name, JSON.createObjectNode().put("value", value).toString());
        return body.path("data").path("needRestart").asBoolean(false) || body.path("needRestart").asBoolean(false);
    }

    private JsonNode call(String method, String path, String jsonBody) throws StepFailure {
        String data = jsonBody == null ? "" : " -H 'Content-Type: application/json' --data-binary " + quote(jsonBody);
        String script = "IFS= read -r CFG\n"
                + "printf '%s\\n' \"$CFG\" | curl -sS -K - --max-time 30 -X " + method + data
                + " -w '\\n%{http_code}' " + quote(url + path) + " || exit 75\n";
        String response = context.run(method + " " + path + " on OCP at " + url, script, Shell.lines(curlConfig)).strip();
        int newline = response.lastIndexOf('\n');
        String status = newline < 0 ? response : response.substring(newline + 1).strip();
        String body = newline < 0 ? "" : response.substring(0, newline);
        if (status.equals("401")) {
            throw StepFailure.permanent("OCP at " + url + " refused the admin password on " + method + " " + path);
        }
        if (!status.startsWith("2")) {
            boolean transientStatus = status.startsWith("5") || status.equals("429") || status.equals("000");
            String message = method + " " + path + " on OCP at " + url + " answered HTTP " + status + ": " + abbreviate(body);
            throw transientStatus ? StepFailure.retryable(message) : StepFailure.permanent(message);
        }
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw StepFailure.retryable(method + " " + path + " on OCP at " + url + " answered no JSON: " + abbreviate(body));
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
