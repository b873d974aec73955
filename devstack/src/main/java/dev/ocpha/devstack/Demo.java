package dev.ocpha.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocpha.infra.EmbeddedPostgres;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: PostgreSQL and Kafka as their own processes (data under {@code .run/}), a lab fleet,
 * the four services (two executors), then a demo deployment with live progress. Ctrl-C stops everything.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path run = root.resolve(".run");
        Path logs = run.resolve("logs");
        Stack stack = new Stack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "demo-shutdown"));

        long began = System.nanoTime();
        say("starting PostgreSQL, Kafka and a lab fleet of 3 hosts (data in %s)", run);
        stack.postgres = EmbeddedPostgres.start(run.resolve("postgres"), 0);
        stack.kafka = KafkaProcess.start(run.resolve("kafka"), LocalStack.freePort(), logs);
        stack.fleet = LabFleet.start(run.resolve("lab"), 3);
        say("starting the four services (logs in %s)", logs);
        stack.services = LocalStack.start(root, new ServiceProcess.Infrastructure(stack.kafka.bootstrapServers(),
                        stack.postgres.jdbcUrl(), stack.postgres.username(), stack.postgres.password()),
                stack.fleet, 2, LocalStack.Ports.DEFAULT, logs);
        say("everything is up in %d s", (System.nanoTime() - began) / 1_000_000_000);
        printEndpoints(stack);

        String deployment = submit(stack.services.planner(), topology(stack.fleet));
        follow(stack.services.planner(), deployment);
        say("registry view: %s", get(stack.services.registry().url() + "/deployments/" + deployment + "/topology"));
        say("the stack keeps running; press Ctrl-C to stop every process it started");
        new CountDownLatch(1).await();
    }

    private static void printEndpoints(Stack stack) {
        say("Kafka %s  PostgreSQL %s", stack.kafka.bootstrapServers(), stack.postgres.jdbcUrl());
        for (ServiceProcess service : stack.services.services()) {
            say("  %-17s %s  (Swagger UI %s/q/swagger-ui)", service.name(), service.url(), service.url());
        }
    }

    private static String topology(LabFleet fleet) {
        ObjectNode topology = JSON.createObjectNode()
                .put("name", "demo").put("mode", fleet.hosts().size() >= 3 ? "MULTI_NODE" : "SINGLE_NODE")
                .put("managedHosts", 10).put("sizingProfile", "sandbox");
        ObjectNode ocp = topology.putObject("ocp").put("version", "4.2.2");
        ocp.putObject("media").put("ocp", "ocp-4.2.2").put("metaDb", "oceanbase-4.2.1");
        ObjectNode passwords = topology.putObject("passwords");
        for (String password : new String[] {"metaDbRoot", "metaTenant", "monitorTenant", "ocpAdmin"}) {
            passwords.putObject(password).put("secretRef", "demo-" + password);
        }
        ArrayNode hosts = topology.putArray("hosts");
        for (LabHost host : fleet.hosts()) {
            hosts.addObject().put("name", host.name()).put("address", host.address()).put("sshPort", host.sshPort())
                    .put("user", "root").put("credentialRef", LocalStack.LAB_CREDENTIAL);
        }
        return topology.toString();
    }

    private static String submit(ServiceProcess planner, String topology) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(planner.url() + "/deployments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(topology)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the planner refused the demo topology: " + response.body());
        }
        String id = JSON.readTree(response.body()).get("id").asText();
        say("POST /deployments -> 202, deployment %s", id);
        return id;
    }

    private static void follow(ServiceProcess planner, String id) throws IOException, InterruptedException {
        Map<String, String> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode deployment = JSON.readTree(get(planner.url() + "/deployments/" + id));
            report(seen, "deployment", deployment.get("status").asText());
            for (JsonNode step : deployment.get("steps")) {
                report(seen, step.get("stepId").asText(), step.get("status").asText()
                        + (step.hasNonNull("executorId") ? " by " + step.get("executorId").asText() : ""));
            }
            String status = deployment.get("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                if (deployment.hasNonNull("failureReason")) {
                    say("reason: %s", deployment.get("failureReason").asText());
                }
                return;
            }
            Thread.sleep(300);
        }
        say("the demo deployment did not finish in 5 minutes; see the logs");
    }

    private static void report(Map<String, String> seen, String what, String status) {
        if (!status.equals(seen.put(what, status))) {
            say("  %-45s %s", what, status);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void say(String format, Object... args) {
        System.out.println("[demo] " + String.format(format, args));
    }

    /** What the demo started, stopped in reverse order. */
    private static final class Stack {
        EmbeddedPostgres postgres;
        KafkaProcess kafka;
        LabFleet fleet;
        LocalStack services;

        synchronized void close() {
            say("stopping");
            if (services != null) {
                services.close();
            }
            if (fleet != null) {
                fleet.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            services = null;
            fleet = null;
            kafka = null;
            postgres = null;
        }
    }
}
