package dev.ocpha.checker.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.model.VerificationItem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * OCP-Server's HTTP checks on one base URL (a node or an AZ access address), as
 * oceanbase/ocp-doc@V4.2.2:zh-CN/1900.reference-guide/200.api-reference/1700.health-examination/ documents them:
 * {@code /api/status} answers {@code okay} (basic auth), {@code /api/v2/info} has the requested {@code buildVersion}
 * (basic auth), {@code /api/v2/time} (no auth) is within the skew limit of the checker's clock, half the round trip
 * compensated.
 */
public final class OcpEndpointProbe {

    public static final String STATUS = "api-status";
    public static final String VERSION = "build-version";
    public static final String TIME = "time-skew";
    static final int TIME_SAMPLES = 3;

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final double skewLimitMs;

    public OcpEndpointProbe(HttpClient http, ObjectMapper mapper, Duration timeout, double skewLimitMs) {
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
        this.skewLimitMs = skewLimitMs;
    }

    /** {@code http://a:8080}, {@code a:8080} or {@code a} (port {@code defaultPort}) as a base URL without a slash. */
    public static String baseUrl(String address, int defaultPort) {
        String url = address.trim();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            url = "http://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String authority = url.substring(url.indexOf("//") + 2);
        return authority.contains(":") && !authority.endsWith("]") ? url : url + ":" + defaultPort;
    }

    public List<VerificationItem> probe(String target, String baseUrl, String expectedVersion, String adminPassword) {
        String auth = adminPassword == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        List<VerificationItem> items = new ArrayList<>();
        items.add(status(target, baseUrl, auth));
        items.add(version(target, baseUrl, auth, expectedVersion));
        items.add(time(target, baseUrl));
        return items;
    }

    private VerificationItem status(String target, String baseUrl, String auth) {
        String expected = "HTTP 200 \"okay\"";
        if (auth == null) {
            return Items.fail(target, STATUS, "no admin password", expected, "the OCP admin password is not configured");
        }
        try {
            HttpResponse<String> response = get(baseUrl + "/api/status", auth);
            String body = response.body().trim();
            String observed = "HTTP " + response.statusCode() + " \"" + abbreviate(body) + "\"";
            return response.statusCode() == 200 && body.equals("okay")
                    ? Items.pass(target, STATUS, observed, expected, "OCP-Server is healthy")
                    : Items.fail(target, STATUS, observed, expected, response.statusCode() == 401
                    ? "the admin credentials were refused" : "OCP-Server reports itself unhealthy");
        } catch (IOException e) {
            return Items.fail(target, STATUS, unreachable(e), expected, "OCP-Server does not answer at " + baseUrl);
        }
    }

    private VerificationItem version(String target, String baseUrl, String auth, String expectedVersion) {
        String expected = "buildVersion " + expectedVersion;
        if (auth == null) {
            return Items.fail(target, VERSION, "no admin password", expected, "the OCP admin password is not configured");
        }
        try {
            HttpResponse<String> response = get(baseUrl + "/api/v2/info", auth);
            if (response.statusCode() != 200) {
                return Items.fail(target, VERSION, "HTTP " + response.statusCode(), expected, "/api/v2/info is not available");
            }
            JsonNode body = mapper.readTree(response.body());
            JsonNode version = body.path("data").path("buildVersion");
            if (version.isMissingNode()) {
                version = body.path("buildVersion");
            }
            String actual = version.isMissingNode() ? null : version.asText();
            if (actual == null) {
                return Items.fail(target, VERSION, abbreviate(response.body()), expected, "/api/v2/info has no buildVersion");
            }
            return versionMatches(actual, expectedVersion)
                    ? Items.pass(target, VERSION, "buildVersion " + actual, expected, "the requested version runs")
                    : Items.fail(target, VERSION, "buildVersion " + actual, expected,
                    "OCP " + actual + " runs, not the requested " + expectedVersion);
        } catch (IOException e) {
            return Items.fail(target, VERSION, unreachable(e), expected, "OCP-Server does not answer at " + baseUrl);
        }
    }

    /** OCP reports e.g. {@code 4.2.2-20240115}: the requested version with a build suffix matches. */
    static boolean versionMatches(String actual, String expected) {
        return actual.equals(expected) || actual.startsWith(expected + "-") || actual.startsWith(expected + "_");
    }

    /**
     * The server's clock against the checker's, NTP-style: of a few requests the one with the shortest round trip
     * is kept, its reading placed at the middle of that round trip. The reading can be off by half the round trip,
     * so the server fails only when its skew exceeds the limit by more than that: a slow network or a loaded
     * checker is not taken for a skewed server.
     */
    private VerificationItem time(String target, String baseUrl) {
        String expected = String.format(Locale.ROOT, "within %.0f ms of the checker's clock", skewLimitMs);
        try {
            double bestRttMs = Double.MAX_VALUE;
            double skewMs = 0;
            ServerTime time = null;
            for (int i = 0; i < TIME_SAMPLES; i++) {
                long sent = System.currentTimeMillis();
                long t0 = System.nanoTime();
                HttpResponse<String> response = get(baseUrl + "/api/v2/time", null);
                double rttMs = (System.nanoTime() - t0) / 1e6;
                if (response.statusCode() != 200) {
                    return Items.fail(target, TIME, "HTTP " + response.statusCode(), expected,
                            "/api/v2/time is not available");
                }
                ServerTime reading = parseTime(mapper, response.body());
                if (reading == null) {
                    return Items.fail(target, TIME, abbreviate(response.body()), expected, "cannot read the server time");
                }
                if (rttMs < bestRttMs) {
                    bestRttMs = rttMs;
                    time = reading;
                    skewMs = reading.epochMillis() - (sent + rttMs / 2);
                }
            }
            // a time given to the second cannot be judged closer than that second
            double tolerance = skewLimitMs + bestRttMs / 2 + (time.toTheSecond() ? 1000 : 0);
            String observed = String.format(Locale.ROOT, "%+.0f ms (±%.0f ms round trip)", skewMs, bestRttMs / 2);
            return Math.abs(skewMs) <= tolerance
                    ? Items.pass(target, TIME, observed, expected, "clock in step")
                    : Items.fail(target, TIME, observed, expected, String.format(Locale.ROOT,
                    "the server clock is %.0f ms %s", Math.abs(skewMs), skewMs > 0 ? "ahead" : "behind"));
        } catch (IOException e) {
            return Items.fail(target, TIME, unreachable(e), expected, "OCP-Server does not answer at " + baseUrl);
        }
    }

    record ServerTime(double epochMillis, boolean toTheSecond) {
    }

    /** Epoch seconds or milliseconds, ISO-8601 or RFC 1123, bare or in OCP's {@code {data: …}} envelope. */
    static ServerTime parseTime(ObjectMapper mapper, String body) {
        String text = body.trim();
        if (text.startsWith("{")) {
            try {
                JsonNode data = mapper.readTree(text).path("data");
                if (data.isObject()) {
                    data = data.has("time") ? data.path("time") : data.path("timestamp");
                }
                text = data.isMissingNode() ? "" : data.asText();
            } catch (IOException e) {
                return null;
            }
        }
        text = text.replace("\"", "").trim();
        if (text.matches("\\d{13}")) {
            return new ServerTime(Long.parseLong(text), false);
        }
        if (text.matches("\\d{10}(\\.\\d+)?")) {
            return new ServerTime(Double.parseDouble(text) * 1000, !text.contains("."));
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text);
            return new ServerTime(parsed.toInstant().toEpochMilli() + parsed.getNano() % 1_000_000 / 1e6,
                    parsed.getNano() == 0 && !text.contains("."));
        } catch (DateTimeParseException notIso) {
            try {
                Instant parsed = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return new ServerTime(parsed.toEpochMilli(), true);
            } catch (DateTimeParseException notRfc) {
                return null;
            }
        }
    }

    private HttpResponse<String> get(String url, String auth) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String unreachable(IOException e) {
        String name = e.getClass().getSimpleName();
        return "no answer (" + (e.getMessage() == null ? name : name + ": " + e.getMessage()) + ")";
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
