package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;


/**
 * OCP's documented health endpoints (oceanbase/ocp-doc@V4.2.2 en-US/1900.reference-guide/200.api-reference/
 * 1700.health-examination/) as called from the host with {@code curl}: the node's own address may be reachable
 * only from there. The admin password travels on curl's standard input as a config line ({@code curl -K -}), never
 * on a command line.
 */
final class OcpApi {

    private final StepContext context;
    private final String url;
    private final String curlConfig;

    OcpApi(StepContext context, String url, String adminPassword) {
        this.context = context;
        this.url = url;
        // curl's config syntax: inside double quotes, backslash and quote are escaped
        this.curlConfig = "user = \"admin:" + adminPassword.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Polls {@code GET /api/status} on the host until it answers {@code okay}, at most {@code waitSeconds}. A refused
     * password fails at once: retrying it would lock the admin account (ocp.iam.login.max-attempts,
     * oceanbase/ocp-doc@V4.2.2:zh-CN/1600.system-management-features/300.manage-system-parameter/300.ocp-configuration-parameters.md).
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

    /** One answer of a {@code GET}: the HTTP status (0: no answer) and the body, or curl's error. */
    record Status(int code, String body) {
        @Override
        public String toString() {
            return code == 0 ? "no answer: " + abbreviate(body) : "HTTP " + code + " " + abbreviate(body);
        }
    }

    /** One {@code GET} of a documented endpoint: {@code path} is the installer profile's (e.g. {@code /api/status}). */
    Status get(String path) throws StepFailure {
        String script = "IFS= read -r CFG\nprintf '%s\\n' \"$CFG\" | curl -sS -K - --max-time 10 -w '\\n%{http_code}' "
                + quote(url + path) + " 2>&1\n";
        dev.ocpha.ssh.ExecResult result = context.exec(script, Shell.lines(curlConfig));
        String response = result.stdout().strip();
        int newline = response.lastIndexOf('\n');
        String code = newline < 0 ? response : response.substring(newline + 1).strip();
        if (!result.succeeded() || !code.matches("\\d{3}") || code.equals("000")) {
            return new Status(0, (response + " " + result.stderr()).strip());
        }
        return new Status(Integer.parseInt(code), newline < 0 ? "" : response.substring(0, newline).strip());
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
