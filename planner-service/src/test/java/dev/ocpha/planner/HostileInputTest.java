package dev.ocpha.planner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ocpha.contracts.EventType;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.planner.persistence.WebhookSubscriptionEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests an attacker or a careless script could send: keys given twice, bodies far above the limit, unknown enum
 * values, unreadable query parameters, random paths and webhooks aimed at the planner's own network. Each is refused
 * with problem+json naming what is wrong, logs no ERROR, stores nothing and leaves no raw path in the metrics.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int MB = 1024 * 1024;

    @Inject
    EntityManager entityManager;
    @TestHTTPResource("/deployments")
    URI deployments;

    static Stream<Arguments> duplicateKeys() throws Exception {
        String yaml = Topologies.example("multi-node");
        String json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml));
        return Stream.of(
                Arguments.of("YAML, top level", "application/yaml", yaml + "name: trio-again\n", "name"),
                Arguments.of("YAML, in ocp", "application/yaml",
                        replaceOnce(yaml, "  version: 4.2.2\n", "  version: 4.2.2\n  version: 4.2.3\n"), "ocp.version"),
                Arguments.of("YAML, in a host", "application/yaml", replaceOnce(yaml, "address: 10.0.0.1,",
                        "address: 10.0.0.1, address: 10.0.0.9,"), "hosts[0].address"),
                Arguments.of("JSON, top level", "application/json",
                        replaceOnce(json, "{\"name\":\"trio\",", "{\"name\":\"trio\",\"name\":\"trio-again\","), "name"),
                Arguments.of("JSON, in ocp", "application/json", replaceOnce(json, "\"version\":\"4.2.2\"",
                        "\"version\":\"4.2.2\",\"version\":\"4.2.3\""), "ocp.version"),
                Arguments.of("JSON, in a host", "application/json", replaceOnce(json, "\"address\":\"10.0.0.1\"",
                        "\"address\":\"10.0.0.1\",\"address\":\"10.0.0.9\""), "hosts[0].address"));
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertTrue(text.contains(target), "the fixture has " + target);
        return text.replaceFirst(Pattern.quote(target), Matcher.quoteReplacement(replacement));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void keyGivenTwice_is400NamingTheField(String where, String contentType, String body, String field) {
        long stored = Api.rows(entityManager, "deployment");
        Api.given().contentType(contentType).body(bytes(body)).post("/deployments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString("Duplicate")));
        assertEquals(stored, Api.rows(entityManager, "deployment"), "a deployment was stored");
    }

    @Test
    void webhookKeyGivenTwice_is400NamingTheField() {
        Api.given().contentType("application/json")
                .body("{\"url\": \"https://a.example.com/\", \"url\": \"https://b.example.com/\", "
                        + "\"secretRef\": \"webhook-signing\"}")
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("url"));
    }

    @Test
    void bodiesAboveTheLimit_are413ProblemsWhateverTheirSizeOrEncoding_andLogNoError() throws Exception {
        long stored = Api.rows(entityManager, "deployment");
        List<String> errors = errorsLoggedWhile(() -> {
            for (HttpRequest.BodyPublisher body : List.of(BodyPublishers.ofByteArray(spaces(2 * MB)),
                    BodyPublishers.ofByteArray(spaces(10 * MB)), chunked(spaces(12 * MB)))) {
                HttpResponse<String> response = post(body);
                assertEquals(413, response.statusCode(), response.body());
                assertEquals(Optional.of(PROBLEM), response.headers().firstValue("Content-Type"));
                assertTrue(response.body().contains("\"status\":413"), response.body());
            }
        });
        assertEquals(List.of(), errors, "ERROR lines were logged");
        assertEquals(stored, Api.rows(entityManager, "deployment"), "a deployment was stored");
    }

    @Test
    void chunkedBodiesWithinTheLimit_areRead() throws Exception {
        HttpResponse<String> plan = post(chunked(bytes(Topologies.example("multi-node"))), "?dryRun=true");
        assertEquals(200, plan.statusCode(), plan.body());
        HttpResponse<String> empty = post(chunked(new byte[0]), "");
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("empty"), empty.body());
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return post(body, "");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body, String query) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create(deployments + query))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/yaml")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A body of unknown length, so it is sent with Transfer-Encoding: chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    /** The messages of the ERROR records any logger of this JVM wrote while {@code action} ran. */
    private static List<String> errorsLoggedWhile(ThrowingRunnable action) throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            action.run();
        } finally {
            root.removeHandler(capture);
        }
        return List.copyOf(errors);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] spaces(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        return body;
    }

    @Test
    void unknownEnumValues_are400NamingTheField() {
        String yaml = Topologies.example("multi-node");
        Api.given().contentType("application/yaml")
                .body(bytes(replaceOnce(yaml, "sizingProfile: production", "sizingProfile: huge"))).post("/deployments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("sizingProfile"));
        Api.given().contentType("application/yaml")
                .body(bytes(replaceOnce(yaml, "mode: MULTI_NODE", "mode: FOO"))).post("/deployments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("mode"));
    }

    @Test
    void unreadableQueryParameters_are400NamingTheParameter() {
        Api.given().get("/deployments?page=abc").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("page"));
        Api.given().get("/deployments?size=x").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
        Api.given().get("/webhooks/" + UUID.randomUUID() + "/deliveries?limit=many").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.10/hook",
            "https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/", "https://[fe80::1]/hook",
            "https://[fd12:3456::1]/hook", "https://100.64.0.1/hook", "https://[::1]:8443/hook", "https://0.0.0.0/"})
    void webhookToAnInternalAddress_is400NamingUrl_andStoresNothing(String url) {
        long before = Api.rows(entityManager, "webhook_subscription");
        Api.given().contentType("application/json").body(Map.of("url", url, "secretRef", "webhook-signing"))
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("url"))
                .body("errors.hint", hasItem(containsString("ocpha.planner.webhooks.allowed-cidrs")));
        assertEquals(before, Api.rows(entityManager, "webhook_subscription"));
    }

    @Test
    void webhookWhoseUrlNowReachesARefusedAddress_isNotSent_andTheDeliverySaysWhy() {
        // As if its name resolved to a public address at subscription and to an internal one now.
        UUID subscription = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscriptionEntity entity = new WebhookSubscriptionEntity();
            entity.id = subscription;
            entity.url = "https://10.20.30.40/hook";
            entity.secretRef = "webhook-signing";
            entity.eventTypes = EventType.DEPLOYMENT_PLANNED.ceType();
            entity.createdAt = OffsetDateTime.now();
            entity.persist();
        });
        try {
            Api.submit("single-node");
            String error = await().atMost(Api.WAIT).until(() -> Api.given()
                    .get("/webhooks/" + subscription + "/deliveries").then().statusCode(200).extract()
                    .<String>path("[0].lastError"), lastError -> lastError != null);
            assertTrue(error.startsWith("not sent") && error.contains("10.20.30.40"), error);
        } finally {
            Api.given().delete("/webhooks/" + subscription).then().statusCode(204);
        }
    }

    @Test
    void metrics_nameRouteTemplatesNeverRawPaths() {
        String deployment = UUID.randomUUID().toString();
        String nope = UUID.randomUUID().toString();
        Api.given().get("/deployments/" + deployment).then().statusCode(404);
        Api.given().get("/nope/" + nope).then().statusCode(404);
        RestAssured.given().get("/deployments/" + deployment + "/plan").then().statusCode(401);
        RestAssured.given().get("/webhooks/" + nope).then().statusCode(401);
        List<String> uris = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .map(line -> line.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().toList();
        assertTrue(uris.containsAll(List.of("/deployments/{id}", "NOT_FOUND", "UNKNOWN")), uris.toString());
        assertTrue(uris.stream().noneMatch(uri -> uri.contains(deployment) || uri.contains(nope)), uris.toString());
    }
}
