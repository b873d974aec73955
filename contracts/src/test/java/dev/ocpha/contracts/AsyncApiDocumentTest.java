package dev.ocpha.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document for subscribers is generated from {@link EventType} and {@link Topics}; this test fails when
 * they change and the published document does not. Regenerate with
 * {@code ./mvnw -pl contracts test -Dschemas.write=true}.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi.yaml");
    private static final Map<String, String> TOPIC_DESCRIPTIONS = Map.of(
            Topics.DEPLOYMENTS, "Deployment lifecycle and the requests of its phases, by the planner. Key: deployment id.",
            Topics.STEP_COMMANDS, "Step commands for the executors, by the planner. Key: deploymentId/host.",
            Topics.STEP_EVENTS, "Step outcomes and output, by the executors. Key: deploymentId/host.",
            Topics.CHECKS, "Environment check and post-deployment verification results, by the checker. Key: deployment id.",
            Topics.TOPOLOGY, "Topology facts and the actions they call for, by the registry. Key: deployment id.");

    static ObjectNode generate() {
        ObjectNode doc = YAML.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", "OCP HA Deployer events").put("version", "0.1.0")
                .put("description", "Every public topic and event of the OCP HA Deployer. Values are JSON; metadata "
                        + "travels in CloudEvents binary-mode headers. Delivery is at least once: deduplicate on ce_id.");
        doc.putObject("servers").putObject("kafka").put("host", "localhost:9092").put("protocol", "kafka");
        doc.put("defaultContentType", EventHeaders.JSON);
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (String topic : Topics.EVENT_TOPICS) {
            String channel = topic.substring("ocpha.".length()).replace('.', '-');
            ObjectNode node = channels.putObject(channel).put("address", topic)
                    .put("description", TOPIC_DESCRIPTIONS.get(topic));
            ObjectNode refs = node.putObject("messages");
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic)) {
                    String name = type.recordType().getSimpleName();
                    refs.putObject(name).put("$ref", "#/components/messages/" + name);
                }
            }
            operations.putObject("receive-" + channel).put("action", "receive")
                    .putObject("channel").put("$ref", "#/channels/" + channel);
        }
        for (EventType type : EventType.values()) {
            String name = type.recordType().getSimpleName();
            ObjectNode message = messages.putObject(name);
            message.put("name", type.ceType()).put("title", name).put("contentType", EventHeaders.JSON);
            message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            message.putObject("payload").put("$ref", "schemas/" + Path.of(type.schemaResource()).getFileName());
        }
        ObjectNode headers = components.putObject("schemas").putObject("CloudEventHeaders").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        header(properties, EventHeaders.SPEC_VERSION, "CloudEvents spec version, 1.0");
        header(properties, EventHeaders.ID, "Unique event id; deduplicate on it");
        header(properties, EventHeaders.TYPE, "ocpha.<Type>, e.g. ocpha.DeploymentSucceeded");
        header(properties, EventHeaders.SOURCE, "/ocpha/<producing service>");
        header(properties, EventHeaders.TIME, "When the event was committed, UTC ISO-8601");
        header(properties, EventHeaders.SUBJECT, "The deployment id");
        header(properties, EventHeaders.SCHEMA_VERSION, "Version of the type's schema");
        header(properties, EventHeaders.CAUSATION_ID, "Id of the event or request that caused this one");
        header(properties, EventHeaders.CORRELATION_ID, "X-Correlation-Id of the request that started the deployment");
        headers.putArray("required").add(EventHeaders.ID).add(EventHeaders.TYPE).add(EventHeaders.SUBJECT);
        return doc;
    }

    private static void header(ObjectNode properties, String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
    }

    @Test
    void publishedAsyncApiDocument_matchesTheEventTypes() throws IOException {
        ObjectNode generated = generate();
        if (Boolean.getBoolean("schemas.write")) {
            Files.writeString(DOCUMENT, "# Generated from EventType and Topics by AsyncApiDocumentTest; do not edit.\n"
                    + YAML.writeValueAsString(generated));
        }
        try (InputStream published = EventType.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(published, "no published asyncapi.yaml");
            JsonNode read = YAML.readTree(published);
            assertEquals(generated, read, "EventType or Topics changed but " + DOCUMENT + " did not");
        }
    }

    @Test
    void everyMessage_pointsAtAPublishedSchema() {
        generate().get("components").get("messages").forEach(message -> {
            String ref = message.get("payload").get("$ref").asText();
            assertNotNull(EventType.class.getResource("/" + ref), ref);
        });
    }
}
