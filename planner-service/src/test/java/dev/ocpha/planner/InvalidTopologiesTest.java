package dev.ocpha.planner;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.infra.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under topologies/invalid is refused over the API with its status (400 unreadable, 422 broken rule),
 * names the field its header says, and leaves nothing persisted or published.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class InvalidTopologiesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "topologies", "invalid");
    private static final Pattern FIELD = Pattern.compile("(?m)^# field: (\\S+)$");
    private static final Pattern STATUS = Pattern.compile("(?m)^# status: (\\d{3})$");

    @Inject
    EntityManager entityManager;

    static Stream<Arguments> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<Path> sorted = files.sorted().toList();
            assertTrue(sorted.size() >= 40, "at least 40 invalid topologies, found " + sorted.size());
            return sorted.stream().map(file -> {
                try {
                    String yaml = Files.readString(file);
                    Matcher field = FIELD.matcher(yaml);
                    Matcher status = STATUS.matcher(yaml);
                    assertTrue(field.find() && status.find(), file + " needs '# field:' and '# status:' lines");
                    return Arguments.of(file.getFileName().toString(), field.group(1),
                            Integer.parseInt(status.group(1)), yaml);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} → {2} at {1}")
    @MethodSource("fixtures")
    void invalidTopology_isRefusedNamingTheFieldAndNothingHappens(String file, String field, int status, String yaml) {
        long deployments = Api.rows(entityManager, "deployment");
        long outbox = Api.rows(entityManager, "outbox");
        Api.given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/deployments")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Str0ng!Passw0rd")))
                .body(not(containsString("\"admin\"")));
        assertEquals(deployments, Api.rows(entityManager, "deployment"), "a deployment was stored");
        assertEquals(outbox, Api.rows(entityManager, "outbox"), "an event was published");
    }
}
