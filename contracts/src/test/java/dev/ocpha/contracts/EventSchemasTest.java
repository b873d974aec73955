package dev.ocpha.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The published JSON Schemas are generated from the event records. This test fails when a record changes and its
 * schema does not; regenerate with {@code ./mvnw -pl contracts test -Dschemas.write=true} and bump the schema
 * version in {@link EventType} when the change is not backward compatible.
 */
class EventSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SchemaGenerator GENERATOR = generator();
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config =
                new SchemaGeneratorConfigBuilder(MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON);
        config.forFields().withRequiredCheck(field ->
                field.getType().getErasedType().isPrimitive() || field.getName().equals("deploymentId"));
        return new SchemaGenerator(config.build());
    }

    static ObjectNode generate(EventType type) {
        ObjectNode schema = GENERATOR.generateSchema(type.recordType());
        ObjectNode ordered = MAPPER.createObjectNode();
        ordered.set("$schema", schema.remove("$schema"));
        ordered.put("$id", "https://ocpha.dev" + type.schemaResource());
        ordered.put("title", type.ceType());
        ordered.put("description", "Kafka topic " + type.topic() + ", header ce_type=" + type.ceType()
                + ", ce_schemaversion=" + type.schemaVersion());
        ordered.setAll(schema);
        return ordered;
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void publishedSchema_matchesTheEventRecord(EventType type) throws IOException {
        ObjectNode generated = generate(type);
        Path file = SCHEMAS.resolve(Path.of(type.schemaResource()).getFileName());
        if (Boolean.getBoolean("schemas.write")) {
            Files.createDirectories(SCHEMAS);
            Files.writeString(file, MAPPER.writeValueAsString(generated) + "\n");
        }
        try (InputStream published = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertNotNull(published, "no published schema " + type.schemaResource());
            assertEquals(generated, MAPPER.readTree(published),
                    type.recordType().getSimpleName() + " changed but " + file + " did not");
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaProperties_areExactlyTheRecordComponents(EventType type) throws IOException {
        JsonNode schema = MAPPER.readTree(EventType.class.getResourceAsStream(type.schemaResource()));
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new HashSet<>();
        for (RecordComponent component : type.recordType().getRecordComponents()) {
            components.add(component.getName());
        }
        assertEquals(components, properties);
        assertTrue(type.recordType().isRecord());
    }

    @Test
    void everyTypeIsOnTheTopicOfItsStream() {
        for (EventType type : EventType.values()) {
            assertTrue(Topics.EVENT_TOPICS.contains(type.topic()), type + " has an unknown topic");
            assertTrue(type.ceType().startsWith("ocpha."), type.ceType());
        }
    }

    @Test
    void aSerialisedEvent_validatesAgainstItsSchema() throws IOException {
        var event = new dev.ocpha.contracts.events.StepFailed("d-1", "install@h1", "INSTALL_OCP", "h1", "ocp1", 2, 3,
                "executor-a", "exit status 1", true, 1200);
        JsonNode json = MAPPER.valueToTree(event);
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(EventType.class.getResourceAsStream(EventType.STEP_FAILED.schemaResource()));
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), errors.toString());

        ((ObjectNode) json).put("attempt", "two");
        assertEquals(1, schema.validate(json).size());
    }
}
