package dev.ocpha.planner;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.planner.persistence.DeploymentEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Test helpers: the authenticated API, deployments from the examples, events published on the real broker. */
public final class Api {

    public static final String TOKEN = "test-token";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Api() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + TOKEN);
    }

    /** Submits an example topology (YAML), renamed so every test has its own deployment name. */
    public static String submit(String example) {
        return submitYaml(Topologies.example(example));
    }

    public static String submitYaml(String yaml) {
        return given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/deployments").then().statusCode(202).extract().path("id");
    }

    public static String status(String id) {
        return given().get("/deployments/" + id).then().statusCode(200).extract().path("status");
    }

    public static void awaitStatus(String id, String status) {
        await().atMost(WAIT).until(() -> status(id).equals(status));
    }

    /** Steps of a deployment in one status, as the API lists them. */
    public static List<Map<String, Object>> steps(String id, String status) {
        List<Map<String, Object>> steps = given().get("/deployments/" + id).then().statusCode(200).extract()
                .path("phases.flatten().steps.flatten()");
        return steps.stream().filter(s -> status.equals(s.get("status"))).toList();
    }

    /** Publishes an event with a new id; returns the id. */
    public static String publish(String bootstrap, ObjectMapper mapper, EventType type, Object payload, String key) {
        String eventId = UUID.randomUUID().toString();
        publish(bootstrap, mapper, type, payload, key, eventId);
        return eventId;
    }

    public static void publish(String bootstrap, ObjectMapper mapper, EventType type, Object payload, String key,
                               String eventId) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key,
                    mapper.writeValueAsString(payload));
            header(record, EventHeaders.ID, eventId);
            header(record, EventHeaders.TYPE, type.ceType());
            header(record, EventHeaders.SOURCE, "/test");
            header(record, EventHeaders.SCHEMA_VERSION, Integer.toString(type.schemaVersion()));
            TopicProbe.send(bootstrap, record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Rows of the planner's tables, to show that a refused request left nothing behind. */
    public static long rows(EntityManager entityManager, String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }

    public static long deployments() {
        return QuarkusTransaction.requiringNew().call(DeploymentEntity::count);
    }
}
