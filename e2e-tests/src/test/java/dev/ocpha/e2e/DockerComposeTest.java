package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here; this keeps it naming every service and the settings they read. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("planner-service", "checker-service", "executor-service", "registry-service");

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void composeFile_runsKafkaPostgresAndEveryService() throws IOException {
        JsonNode services = compose().get("services");
        assertEquals("apache/kafka:4.1.2", services.get("kafka").get("image").asText());
        assertTrue(services.get("postgres").get("image").asText().startsWith("postgres:"));
        for (String service : SERVICES) {
            JsonNode definition = services.get(service);
            assertTrue(definition != null, service + " is missing");
            String dockerfile = definition.get("build").get("dockerfile").asText();
            assertTrue(Files.isRegularFile(ROOT.resolve(service).resolve(dockerfile)), service + " has no " + dockerfile);
            assertEquals("service_healthy", definition.get("depends_on").get("kafka").get("condition").asText());
        }
    }

    @Test
    void everyService_getsTheSettingsItReadsFromTheEnvironment() throws IOException {
        JsonNode services = compose().get("services");
        for (String service : SERVICES) {
            JsonNode env = services.get(service).get("environment");
            for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")) {
                assertTrue(env.has(name), service + " lacks " + name);
                assertTrue(applicationProperties(service).contains("${" + name), service + " does not read " + name);
            }
        }
        for (String service : List.of("checker-service", "executor-service")) {
            JsonNode env = services.get(service).get("environment");
            assertTrue(env.has("OCPHA_SSH_KNOWN_HOSTS"), service + " lacks OCPHA_SSH_KNOWN_HOSTS");
            assertTrue(applicationProperties(service).contains("${OCPHA_SSH_KNOWN_HOSTS"));
            assertTrue(env.has("QUARKUS_CONFIG_LOCATIONS"), service + " has no file for its secrets");
        }
        for (String service : SERVICES) {
            assertTrue(services.get(service).get("environment").has("OCPHA_AUTH_BOOTSTRAP_TOKEN"),
                    service + " has no admin token");
        }
    }

    @Test
    void executor_canBeScaled() throws IOException {
        JsonNode executor = compose().get("services").get("executor-service");
        assertFalse(executor.has("ports"), "a fixed host port prevents --scale");
        assertFalse(executor.has("container_name"), "a fixed name prevents --scale");
    }

    @Test
    void everyPublishedPort_isOnTheHostsLoopbackOnly() throws IOException {
        compose().get("services").forEach(service -> service.path("ports").forEach(port ->
                assertTrue(port.asText().startsWith("127.0.0.1:"), "published beyond loopback: " + port.asText())));
    }

    private static String applicationProperties(String service) throws IOException {
        Path file = ROOT.resolve(service).resolve("src/main/resources/application.properties");
        return Files.readString(file);
    }
}
