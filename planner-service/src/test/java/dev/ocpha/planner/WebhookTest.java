package dev.ocpha.planner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.planner.domain.WebhookSignature;
import dev.ocpha.platform.secrets.SecretStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks on the real broker and database, delivered to a real HTTP receiver on the loopback: signed events,
 * retries, filters, redelivered events and the validation of subscriptions.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class WebhookTest {

    private static final String SECRET_REF = "webhook-signing";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    SecretStore secrets;

    private final List<String> responses = new ArrayList<>();
    private String secret;

    @BeforeEach
    void resolveSecret() {
        secret = secrets.resolve(SECRET_REF);
    }

    @AfterEach
    void unsubscribeAll() {
        List<String> ids = Api.given().get("/webhooks").then().statusCode(200).extract().path("id");
        ids.forEach(id -> Api.given().delete("/webhooks/" + id).then().statusCode(204));
        responses.forEach(body -> assertFalse(body.contains(secret), "a response shows the secret: " + body));
    }

    private String subscribe(Map<String, Object> request) {
        String body = Api.given().contentType(ContentType.JSON).body(request).post("/webhooks")
                .then().statusCode(201).extract().asString();
        responses.add(body);
        return parse(body).path("id").asText();
    }

    private static Map<String, Object> subscription(String url, Object... more) {
        Map<String, Object> request = new HashMap<>(Map.of("url", url, "secretRef", SECRET_REF));
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.put((String) more[i], more[i + 1]);
        }
        return request;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subscription's deliveries by event id. */
    private Map<String, JsonNode> deliveries(String subscriptionId) {
        String body = Api.given().get("/webhooks/" + subscriptionId + "/deliveries?limit=500")
                .then().statusCode(200).extract().asString();
        responses.add(body);
        Map<String, JsonNode> byEvent = new HashMap<>();
        parse(body).forEach(delivery -> byEvent.put(delivery.path("eventId").asText(), delivery));
        return byEvent;
    }

    private JsonNode awaitDelivery(String subscriptionId, String eventId, String status) {
        return await().atMost(WAIT).until(() -> deliveries(subscriptionId).get(eventId),
                delivery -> delivery != null && status.equals(delivery.path("status").asText()));
    }

    private String publish(EventType type, Object payload, String key) {
        return Api.publish(bootstrap, mapper, type, payload, key);
    }

    private static StepSucceeded hostPrepared(String id) {
        return new StepSucceeded(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1", "single", 1, 1, "test", 10);
    }

    private static StepStarted started(String id) {
        return new StepStarted(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1", 1, "test");
    }

    private static StepFailed failed(String id) {
        return new StepFailed(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1", "single", 1, 1, "test", "no disk",
                false, 10);
    }

    private static String hostKey(String id) {
        return Topics.hostKey(id, "ocp-1");
    }

    @Test
    void deploymentEvents_arePostedSignedWithTheReferencedSecret() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = Api.submit("single-node");
            String subscription = subscribe(subscription(receiver.url(), "deploymentId", id));

            publish(EventType.STEP_SUCCEEDED, hostPrepared(id), hostKey(id));

            WebhookReceiver.Received checkRequested = await().atMost(WAIT).until(() -> receiver.received().stream()
                    .filter(r -> EventType.ENVIRONMENT_CHECK_REQUESTED.ceType().equals(r.header("ce-type")))
                    .findFirst().orElse(null), r -> r != null);
            assertEquals(id, checkRequested.header("ce-subject"));
            assertEquals("/ocpha/planner-service", checkRequested.header("ce-source"));
            assertEquals("1.0", checkRequested.header("ce-specversion"));
            assertEquals("application/json", checkRequested.header("content-type"));
            assertEquals(id, parse(checkRequested.body()).path("deploymentId").asText());
            for (WebhookReceiver.Received request : receiver.received()) {
                assertEquals(id, request.header("ce-subject"));
                assertEquals(request.header("ce-time"), request.header(WebhookSignature.TIMESTAMP_HEADER));
                String signed = request.header("ce-id") + "." + request.header("ce-time") + "." + request.body();
                assertEquals("sha256=" + hmacSha256Hex(secret, signed), request.header(WebhookSignature.HEADER));
                assertFalse(request.body().contains(secret));
            }

            JsonNode delivery = awaitDelivery(subscription, checkRequested.header("ce-id"), "DELIVERED");
            assertEquals(EventType.ENVIRONMENT_CHECK_REQUESTED.ceType(), delivery.path("eventType").asText());
            assertEquals(1, delivery.path("attempts").asInt());
            assertEquals(200, delivery.path("lastStatus").asInt());
        }
    }

    @Test
    void receiverAnswering500Twice_getsTheEventOnTheThirdAttempt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(500, 500)) {
            String id = Api.submit("single-node");
            String subscription = subscribe(subscription(receiver.url(), "deploymentId", id,
                    "eventTypes", List.of("StepStarted")));

            String eventId = publish(EventType.STEP_STARTED, started(id), hostKey(id));

            JsonNode delivery = awaitDelivery(subscription, eventId, "DELIVERED");
            assertEquals(3, delivery.path("attempts").asInt());
            assertEquals(200, delivery.path("lastStatus").asInt());
            List<WebhookReceiver.Received> attempts = receiver.withEventId(eventId);
            assertEquals(3, attempts.size());
            assertEquals(1, attempts.stream().map(r -> r.header(WebhookSignature.HEADER)).distinct().count(),
                    "every attempt carries the same signature");
        }
    }

    @Test
    void receiverThatAlwaysFails_isGivenUpAfterTheLastAttempt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(503, 503, 503, 503, 503, 503)) {
            String id = Api.submit("single-node");
            String subscription = subscribe(subscription(receiver.url(), "deploymentId", id,
                    "eventTypes", List.of("ocpha.StepStarted")));

            String eventId = publish(EventType.STEP_STARTED, started(id), hostKey(id));

            JsonNode delivery = awaitDelivery(subscription, eventId, "FAILED");
            assertEquals(4, delivery.path("attempts").asInt(), "the configured max-attempts");
            assertEquals(503, delivery.path("lastStatus").asInt());
            assertEquals("HTTP 503", delivery.path("lastError").asText());
            assertEquals(4, receiver.withEventId(eventId).size());
        }
    }

    @Test
    void filteredSubscription_getsOnlyItsTypesOfItsDeployment() throws Exception {
        try (WebhookReceiver filtered = WebhookReceiver.start(); WebhookReceiver everything = WebhookReceiver.start()) {
            String mine = Api.submit("single-node");
            String other = Api.submit("single-node");
            String subscription = subscribe(subscription(filtered.url(), "deploymentId", mine,
                    "eventTypes", List.of("StepStarted", "ocpha.StepFailed")));
            String witness = subscribe(subscription(everything.url()));

            String wantedStart = publish(EventType.STEP_STARTED, started(mine), hostKey(mine));
            String otherType = publish(EventType.STEP_SUCCEEDED, hostPrepared(mine), hostKey(mine));
            String otherDeployment = publish(EventType.STEP_STARTED, started(other), hostKey(other));
            String wantedFailure = publish(EventType.STEP_FAILED, failed(mine), hostKey(mine));

            // Once the unfiltered witness owes an event, every subscription's share of it has been written.
            await().atMost(WAIT).until(() -> deliveries(witness).keySet()
                    .containsAll(List.of(wantedStart, otherType, otherDeployment, wantedFailure)));
            awaitDelivery(subscription, wantedStart, "DELIVERED");
            awaitDelivery(subscription, wantedFailure, "DELIVERED");
            assertEquals(Set.of(wantedStart, wantedFailure), deliveries(subscription).keySet());
            Set<String> types = filtered.received().stream().map(r -> r.header("ce-type")).collect(Collectors.toSet());
            assertEquals(Set.of(EventType.STEP_STARTED.ceType(), EventType.STEP_FAILED.ceType()), types);
            assertTrue(filtered.received().stream().allMatch(r -> mine.equals(r.header("ce-subject"))));
        }
    }

    @Test
    void kafkaEventDeliveredTwice_isPostedOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = Api.submit("single-node");
            String subscription = subscribe(subscription(receiver.url(), "deploymentId", id,
                    "eventTypes", List.of("StepStarted")));

            String twice = UUID.randomUUID().toString();
            Api.publish(bootstrap, mapper, EventType.STEP_STARTED, started(id), hostKey(id), twice);
            Api.publish(bootstrap, mapper, EventType.STEP_STARTED, started(id), hostKey(id), twice);
            // Same key, same partition: once this later event is owed, both copies have been consumed.
            String after = publish(EventType.STEP_STARTED, started(id), hostKey(id));

            awaitDelivery(subscription, after, "DELIVERED");
            awaitDelivery(subscription, twice, "DELIVERED");
            Map<String, JsonNode> deliveries = deliveries(subscription);
            assertEquals(Set.of(twice, after), deliveries.keySet());
            assertEquals(1, deliveries.get(twice).path("attempts").asInt());
            assertEquals(1, receiver.withEventId(twice).size());
        }
    }

    @Test
    void subscription_isListedShownAndDeleted_withoutItsSecret() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = Api.submit("single-node");
            String created = Api.given().contentType(ContentType.JSON)
                    .body(subscription(receiver.url(), "deploymentId", id, "eventTypes",
                            List.of("DeploymentSucceeded", "ocpha.DeploymentFailed", "DeploymentSucceeded")))
                    .post("/webhooks")
                    .then().statusCode(201)
                    .header("Location", containsString("/webhooks/"))
                    .body("url", equalTo(receiver.url()))
                    .body("eventTypes", contains("ocpha.DeploymentSucceeded", "ocpha.DeploymentFailed"))
                    .body("deploymentId", equalTo(id))
                    .body("createdAt", not(equalTo(null)))
                    .extract().asString();
            responses.add(created);
            String subscription = parse(created).path("id").asText();

            responses.add(Api.given().get("/webhooks").then().statusCode(200)
                    .body("id", hasItem(subscription)).extract().asString());
            responses.add(Api.given().get("/webhooks/" + subscription).then().statusCode(200)
                    .body("id", equalTo(subscription)).body("deploymentId", equalTo(id)).extract().asString());
            responses.add(Api.given().get("/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                    .extract().asString());
            for (String body : responses) {
                assertFalse(body.contains(secret));
                assertFalse(body.contains("secretRef"), "the reference is not shown either: " + body);
            }

            Api.given().delete("/webhooks/" + subscription).then().statusCode(204);
            Api.given().get("/webhooks/" + subscription).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString(subscription));
        }
    }

    @Test
    void unknownSubscription_is404ProblemJson() {
        String unknown = UUID.randomUUID().toString();
        Api.given().get("/webhooks/" + unknown).then().statusCode(404).contentType("application/problem+json");
        Api.given().delete("/webhooks/" + unknown).then().statusCode(404).contentType("application/problem+json");
        Api.given().get("/webhooks/" + unknown + "/deliveries").then().statusCode(404)
                .contentType("application/problem+json");
        Api.given().get("/webhooks/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidSubscriptions_are422NamingTheField_andStoreNothing() {
        long before = Api.rows(entityManager, "webhook_subscription");
        String ok = "http://127.0.0.1:9/hook";
        assertRejected(subscription("ftp://127.0.0.1/hook"), "url");
        assertRejected(subscription("/relative/hook"), "url");
        assertRejected(subscription("http://user:" + secret + "@127.0.0.1/hook"), "url");
        assertRejected(subscription("http://127.0.0.1/has space"), "url");
        assertRejected(subscription("https://127.0.0.1/" + "a".repeat(2048)), "url");
        assertRejected(Map.<String, Object>of("secretRef", SECRET_REF), "url");
        assertRejected(Map.<String, Object>of("url", ok), "secretRef");
        assertRejected(Map.<String, Object>of("url", ok, "secretRef", "no-such-secret"), "secretRef");
        assertRejected(subscription(ok, "eventTypes", List.of("StepStarted", "NoSuchEvent")), "eventTypes[1]");
        assertRejected(subscription(ok, "deploymentId", "not-a-uuid"), "deploymentId");
        assertRejected(subscription(ok, "deploymentId", UUID.randomUUID().toString()), "deploymentId");
        assertEquals(before, Api.rows(entityManager, "webhook_subscription"));
    }

    @Test
    void malformedBodyOrNoToken_isRefusedBeforeAnythingIsStored() {
        long before = Api.rows(entityManager, "webhook_subscription");
        Api.given().contentType(ContentType.JSON).body("{\"url\": ").post("/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        Api.given().contentType(ContentType.JSON).body("{\"url\": \"http://127.0.0.1/x\", \"eventTypes\": {}}")
                .post("/webhooks").then().statusCode(400).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).body(subscription("http://127.0.0.1/x"))
                .post("/webhooks").then().statusCode(401);
        RestAssured.given().get("/webhooks").then().statusCode(401);
        assertEquals(before, Api.rows(entityManager, "webhook_subscription"));
    }

    private void assertRejected(Map<String, Object> request, String field) {
        String body = Api.given().contentType(ContentType.JSON).body(request).post("/webhooks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .extract().asString();
        responses.add(body);
    }

    /** The receiver's side: what a subscriber computes to verify X-Ocpha-Signature. */
    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
