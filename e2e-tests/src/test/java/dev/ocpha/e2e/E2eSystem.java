package dev.ocpha.e2e;

import static io.restassured.RestAssured.given;

import dev.ocpha.devstack.LabOperator;
import dev.ocpha.devstack.LocalStack;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.infra.SharedInfrastructure;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabMedia;
import dev.ocpha.lab.LabServiceSettings;
import dev.ocpha.lab.LabTopologies;
import dev.ocpha.ssh.MapCredentialStore;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshjRemoteExecutor;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The system under test, once per test JVM: a real Kafka broker and PostgreSQL, a lab fleet with installation media,
 * and the four services as separate processes (two executors), configured as an operator would: the fleet's
 * services.properties and a planner API token. Every test deploys on hosts of its own.
 */
final class E2eSystem {

    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    static final Duration DEPLOYMENT_TIMEOUT = Duration.ofMinutes(6);
    /** How long a fact one service derives from another's event may take to show in its view. */
    static final Duration FACT_TIMEOUT = Duration.ofSeconds(30);
    private static final int HOSTS = 46;
    private static final Set<String> SETTLED = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "DESTROYED");
    private static E2eSystem instance;

    final SharedInfrastructure infra;
    final LabFleet fleet;
    final LocalStack stack;
    final String token;
    private final Properties settings = new Properties();
    private final RemoteExecutor ssh;
    private final LabOperator operator;
    private int nextHost;

    private E2eSystem(Path work) throws IOException {
        infra = SharedInfrastructure.get();
        fleet = LabFleet.builder(work.resolve("lab")).hosts(HOSTS).sshPort(0).ocpStartDelay(Duration.ofMillis(300))
                .start();
        Path media = work.resolve("lab").resolve("media");
        LabMedia.generate(media, LabMedia.DEFAULT, 256 * 1024);
        Path settingsFile = LabServiceSettings.write(fleet, media);
        try (Reader reader = Files.newBufferedReader(settingsFile, StandardCharsets.ISO_8859_1)) {
            settings.load(reader);
        }
        token = "e2e-" + UUID.randomUUID();
        stack = LocalStack.start(PROJECT, new ServiceProcess.Infrastructure(infra.kafkaBootstrapServers(),
                infra.jdbcUrl(), infra.username(), infra.password()), settingsFile, token, 2,
                LocalStack.Ports.free(), work.resolve("logs"));
        ssh = new SshjRemoteExecutor(new MapCredentialStore(Map.of(LabTopologies.CREDENTIAL, fleet.clientPrivateKey())),
                fleet.knownHosts(), Duration.ofSeconds(10));
        operator = new LabOperator(this::secret, fleet.services().oat().url());
    }

    static synchronized E2eSystem get() {
        if (instance == null) {
            try {
                instance = new E2eSystem(Files.createTempDirectory("ocpha-e2e-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            E2eSystem started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.ssh.close();
                started.stack.close();
                started.fleet.close();
            }, "e2e-shutdown"));
        }
        return instance;
    }

    /** {@code count} hosts no other test deploys on. */
    synchronized List<LabHost> hosts(int count) {
        if (nextHost + count > HOSTS) {
            throw new IllegalStateException("the e2e fleet has " + HOSTS + " hosts; raise HOSTS for more tests");
        }
        List<LabHost> hosts = fleet.hosts().subList(nextHost, nextHost + count);
        nextHost += count;
        return hosts;
    }

    /** A secret of the lab's secret store, for tests that talk to the OCP stand-ins as an operator would. */
    String secret(String ref) {
        return settings.getProperty("ocpha.secrets.\"" + ref + "\"");
    }

    String adminPassword() {
        return secret(LabTopologies.SECRET_REFS.get("ocpAdmin"));
    }

    RemoteExecutor ssh() {
        return ssh;
    }

    RequestSpecification planner() {
        return given().baseUri(stack.planner().url()).header("Authorization", "Bearer " + token);
    }

    RequestSpecification executor() {
        return given().baseUri(stack.executors().get(0).url()).header("Authorization", "Bearer " + token);
    }

    RequestSpecification registry() {
        return given().baseUri(stack.registry().url()).header("Authorization", "Bearer " + token);
    }

    String submit(String yaml) {
        return submit(yaml, "e2e-" + UUID.randomUUID());
    }

    String submit(String yaml, String correlationId) {
        return planner().contentType("application/yaml").header("X-Correlation-Id", correlationId)
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/deployments").then().statusCode(202).extract().path("id");
    }

    /** Waits until the deployment settles and returns it; a failure names its reason. */
    JsonPath awaitSettled(String id) {
        long deadline = System.nanoTime() + DEPLOYMENT_TIMEOUT.toNanos();
        while (true) {
            JsonPath deployment = planner().get("/deployments/" + id).then().statusCode(200).extract().jsonPath();
            if (SETTLED.contains(deployment.getString("status"))) {
                return deployment;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deployment " + id + " did not settle within " + DEPLOYMENT_TIMEOUT + "; it is "
                        + deployment.getString("status") + ": " + deployment.prettify());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Waits until the deployment succeeded, failing with the reason otherwise. */
    JsonPath awaitSucceeded(String id) {
        JsonPath deployment = awaitSettled(id);
        if (!"SUCCEEDED".equals(deployment.getString("status"))) {
            throw new AssertionError("deployment " + id + " is " + deployment.getString("status") + ": "
                    + deployment.getString("failureReason"));
        }
        return deployment;
    }

    /** Waits until the deployment succeeded, playing the operator for every action it asks for on the way. */
    JsonPath awaitSucceededOperating(String id) {
        long deadline = System.nanoTime() + DEPLOYMENT_TIMEOUT.toNanos();
        while (true) {
            operate(id);
            JsonPath deployment = planner().get("/deployments/" + id).then().statusCode(200).extract().jsonPath();
            if (SETTLED.contains(deployment.getString("status"))) {
                if (!"SUCCEEDED".equals(deployment.getString("status"))) {
                    throw new AssertionError("deployment " + id + " is " + deployment.getString("status") + ": "
                            + deployment.getString("failureReason"));
                }
                return deployment;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deployment " + id + " did not settle within " + DEPLOYMENT_TIMEOUT + "; it is "
                        + deployment.getString("status") + ": " + deployment.prettify());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * Plays the operator once: for each waiting action, does what it asks in the lab's consoles ({@link LabOperator}:
     * OAT's install form, the standby's binding, an AZ's parameters) and completes it. Returns how many.
     */
    int operate(String id) {
        return operate(id, kind -> true);
    }

    private int operate(String id, java.util.function.Predicate<String> kinds) {
        List<Map<String, Object>> waiting = actions(id).stream()
                .filter(a -> "AWAITING_OPERATOR".equals(a.get("status")) && kinds.test((String) a.get("kind"))).toList();
        for (Map<String, Object> action : waiting) {
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) action.get("fields");
            String kind = (String) action.get("kind");
            LabOperator.Answer answer = call(() -> operator.act(kind, fields));
            if (answer.status() != 200) {
                throw new AssertionError("the console refused action " + action.get("actionId") + ": HTTP "
                        + answer.status() + " " + answer.body());
            }
            completeAction(id, (String) action.get("actionId"), LabOperator.note(kind));
        }
        return waiting.size();
    }

    /**
     * Waits until the deployment asks for an operator action of step kind {@code kind} and returns it, playing the
     * operator for the others on the way (OAT's installations of OCP).
     */
    Map<String, Object> awaitAction(String id, String kind) {
        long deadline = System.nanoTime() + DEPLOYMENT_TIMEOUT.toNanos();
        while (true) {
            List<Map<String, Object>> waiting = actions(id).stream()
                    .filter(a -> "AWAITING_OPERATOR".equals(a.get("status")) && kind.equals(a.get("kind"))).toList();
            if (!waiting.isEmpty()) {
                return waiting.get(0);
            }
            operate(id, other -> !other.equals(kind));
            JsonPath deployment = planner().get("/deployments/" + id).then().statusCode(200).extract().jsonPath();
            if (System.nanoTime() > deadline || SETTLED.contains(deployment.getString("status"))) {
                throw new AssertionError("deployment " + id + " asked for no " + kind + " action; it is "
                        + deployment.getString("status") + ": " + deployment.getString("failureReason"));
            }
            sleep(Duration.ofMillis(200));
        }
    }

    List<Map<String, Object>> actions(String id) {
        return planner().get("/deployments/" + id + "/actions").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** The standby console's "绑定到主 OCP" (the lab's path for it) with the action's fields; the HTTP status. */
    int bindInConsole(Map<String, String> fields, String database) {
        return call(() -> operator.bind(fields, database)).status();
    }

    private interface Console {
        LabOperator.Answer submit() throws IOException, InterruptedException;
    }

    private static LabOperator.Answer call(Console console) {
        try {
            return console.submit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void completeAction(String id, String actionId, String note) {
        planner().contentType("application/json").body(Map.of("note", note))
                .post("/deployments/" + id + "/actions/" + actionId + "/complete").then().statusCode(200);
    }

    JsonPath report(String id) {
        return planner().get("/deployments/" + id + "/report").then().statusCode(200).extract().jsonPath();
    }

    JsonPath topology(String id) {
        return registry().get("/deployments/" + id + "/topology").then().statusCode(200).extract().jsonPath();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
