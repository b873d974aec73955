package dev.ocpha.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the four services, run from its packaged jar as its own JVM, ready once its readiness check passes. */
public final class ServiceProcess extends ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final List<String> command;
    private final Map<String, String> env;

    private ServiceProcess(String name, List<String> command, Map<String, String> env, Path log, int port,
                           boolean appendToLog) {
        super(name, command, env, log, appendToLog);
        this.port = port;
        this.command = command;
        this.env = env;
    }

    /**
     * Starts {@code service} (e.g. {@code planner-service}) from {@code projectRoot/<service>/target/quarkus-app}.
     * {@code properties} become {@code -D} options and {@code environment} environment variables of the process:
     * never put a secret in {@code properties}, which any user can read from the command line.
     */
    public static ServiceProcess start(Path projectRoot, String service, String instance, int port,
                                       Infrastructure infrastructure, Map<String, String> properties,
                                       Map<String, String> environment, Path logDir) {
        Path jar = projectRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", infrastructure.username(),
                "QUARKUS_DATASOURCE_PASSWORD", infrastructure.password(),
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers()));
        return new ServiceProcess(instance, command, env, logDir.resolve(instance + ".log"), port, false);
    }

    /** The same service started again, on the same port and log, once this process is gone (stopped or killed). */
    public ServiceProcess relaunch() {
        if (isAlive()) {
            throw new IllegalStateException(name() + " is still running");
        }
        return new ServiceProcess(name(), command, env, log(), port, true);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ServiceProcess awaitReady(Duration timeout) {
        awaitReady(this::ready, timeout);
        return this;
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where the services find the broker and the database. */
    public record Infrastructure(String kafkaBootstrapServers, String jdbcUrl, String username, String password) {
    }
}
