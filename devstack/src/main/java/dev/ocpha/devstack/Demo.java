package dev.ocpha.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.infra.EmbeddedPostgres;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabMedia;
import dev.ocpha.lab.LabServiceSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: PostgreSQL and Kafka as their own processes (data under {@code .run/}), a lab fleet of
 * nine hosts, the four services (two executors), then OCP's cross-city example — a primary over three AZs and a
 * standby cluster registered to it — deployed with live progress, ending with the primary/standby and AZ views. The
 * standby's registration is an operator action (OCP offers it in the standby's console only): the demo shows the
 * instructions, plays the operator in the lab console and reports the action done through the planner's API.
 * Ctrl-C stops everything.
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
        say("starting PostgreSQL, Kafka and a lab fleet of 9 hosts (data in %s)", run);
        stack.postgres = EmbeddedPostgres.start(run.resolve("postgres"), 0);
        stack.kafka = KafkaProcess.start(run.resolve("kafka"), LocalStack.freePort(), logs);
        stack.fleet = LabFleet.builder(run.resolve("lab")).hosts(9).start();
        Path media = run.resolve("lab").resolve("media");
        LabMedia.generate(media);
        Path settings = LabServiceSettings.write(stack.fleet, media);
        String token = System.getenv().getOrDefault("OCPHA_AUTH_BOOTSTRAP_TOKEN", randomToken());
        say("starting the four services (logs in %s)", logs);
        stack.services = LocalStack.start(root, new ServiceProcess.Infrastructure(stack.kafka.bootstrapServers(),
                        stack.postgres.jdbcUrl(), stack.postgres.username(), stack.postgres.password()),
                settings, token, 2, LocalStack.Ports.DEFAULT, logs);
        say("everything is up in %d s", (System.nanoTime() - began) / 1_000_000_000);
        printEndpoints(stack, token);

        Path topology = run.resolve("demo-topology.yaml");
        Files.writeString(topology, "# OCP's cross-city example on the lab fleet, as submitted by the demo\n"
                + LabTopology.crossCity("cross-city-demo", stack.fleet.hosts()).toYaml());
        String deployment = submit(stack.services.planner(), token, Files.readString(topology), topology);
        boolean succeeded = follow(stack.services.planner(), token, deployment, new Operator(settings, stack.fleet.services().oat().url()));
        if (succeeded) {
            printClusters(stack.services.registry(), token);
            printAzs(stack.services.registry(), deployment, token);
        }
        say("the stack keeps running; press Ctrl-C to stop every process it started");
        new CountDownLatch(1).await();
    }

    private static void printEndpoints(Stack stack, String token) {
        say("Kafka %s  PostgreSQL %s", stack.kafka.bootstrapServers(), stack.postgres.jdbcUrl());
        for (ServiceProcess service : stack.services.services()) {
            say("  %-17s %s  (Swagger UI %s/q/swagger-ui)", service.name(), service.url(), service.url());
        }
        say("admin API token of every service (send 'Authorization: Bearer <token>'): %s", token);
        say("a token for another role (viewer reads; operator also deploys, retries, checks): curl -X POST -H "
                + "'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '{\"name\":\"me\",\"role\":\"viewer\"}' "
                + "%s/tokens   (per service; docs/security.md)", token, stack.services.planner().url());
    }

    private static String submit(ServiceProcess planner, String token, String yaml, Path file)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(authorized(planner.url() + "/deployments", token)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the planner refused the demo topology: " + response.body());
        }
        String id = JSON.readTree(response.body()).get("id").asText();
        say("POST /deployments %s -> 202, deployment %s", file, id);
        return id;
    }

    /** Prints each step and fact as it changes; true once the deployment succeeded. */
    private static boolean follow(ServiceProcess planner, String token, String id, Operator operator)
            throws IOException, InterruptedException {
        Map<String, String> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode deployment = JSON.readTree(get(planner.url() + "/deployments/" + id, token));
            report(seen, "deployment", deployment.get("status").asText());
            for (JsonNode phase : deployment.get("phases")) {
                for (JsonNode step : phase.get("steps")) {
                    report(seen, step.get("stepId").asText(), step.get("status").asText()
                            + (step.hasNonNull("executorId") ? " by " + step.get("executorId").asText() : ""));
                }
            }
            for (JsonNode fact : deployment.get("facts")) {
                if (fact.get("known").asBoolean()) {
                    report(seen, fact.get("fact").asText(), "known");
                }
            }
            for (JsonNode action : deployment.get("operatorActions")) {
                report(seen, action.get("actionId").asText(), action.get("status").asText());
                if ("AWAITING_OPERATOR".equals(action.get("status").asText())) {
                    operator.act(planner, token, id, action);
                }
            }
            String status = deployment.get("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                if (deployment.hasNonNull("failureReason")) {
                    say("reason: %s", deployment.get("failureReason").asText());
                }
                return status.equals("SUCCEEDED");
            }
            Thread.sleep(300);
        }
        say("the demo deployment did not finish in 10 minutes; see the logs");
        return false;
    }

    /** Plays the operator of an operator action in the lab's consoles ({@link LabOperator}), then reports it done. */
    private static final class Operator {
        private final Properties secrets = new Properties();
        private final LabOperator lab;

        Operator(Path settings, String oatUrl) throws IOException {
            try (Reader reader = Files.newBufferedReader(settings, StandardCharsets.ISO_8859_1)) {
                secrets.load(reader);
            }
            lab = new LabOperator(ref -> secrets.getProperty("ocpha.secrets.\"" + ref + "\""), oatUrl);
        }

        void act(ServiceProcess planner, String token, String id, JsonNode action)
                throws IOException, InterruptedException {
            say("operator action %s: %s", action.get("actionId").asText(), action.get("title").asText());
            action.get("instructions").asText().lines().forEach(line -> say("    %s", line));
            Map<String, String> fields = new LinkedHashMap<>();
            action.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            String kind = action.get("kind").asText();
            LabOperator.Answer answered = lab.act(kind, fields);
            say("  (the demo plays the operator) %s -> %d %s", LabOperator.note(kind), answered.status(), answered.body());
            HttpResponse<String> done = HTTP.send(authorized(planner.url() + "/deployments/" + id + "/actions/"
                            + action.get("actionId").asText() + "/complete", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"done in the lab console by the demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            say("  POST /deployments/%s/actions/%s/complete -> %d", id, action.get("actionId").asText(), done.statusCode());
        }
    }

    /** The seed's "primary/standby details" view, from the registry. */
    private static void printClusters(ServiceProcess registry, String token) throws IOException, InterruptedException {
        for (JsonNode cluster : JSON.readTree(get(registry.url() + "/clusters", token))) {
            if (!"PRIMARY".equals(cluster.get("role").asText())) {
                continue;
            }
            JsonNode primary = JSON.readTree(get(registry.url() + "/clusters/" + cluster.get("id").asText(), token));
            say("primary/standby details of %s", primary.get("name").asText());
            say("  %-8s %-9s %-8s %-7s %-22s %s", "cluster", "role", "version", "status", "access address", "binding");
            say("  %-8s %-9s %-8s %-7s %-22s %s", primary.get("name").asText(), primary.get("multiClusterRole").asText(),
                    primary.get("version").asText(), primary.get("status").asText(),
                    primary.get("accessAddress").asText(), "-");
            for (JsonNode standby : primary.get("standbys")) {
                say("  %-8s %-9s %-8s %-7s %-22s %s (heartbeat %s)", standby.get("name").asText(), "FOLLOWER",
                        standby.get("version").asText() + (standby.get("versionDiffersFromPrimary").asBoolean() ? "!" : ""),
                        standby.get("status").asText(), standby.get("accessAddress").asText(),
                        standby.get("binding").asText(), standby.path("heartbeat").asText("-"));
            }
        }
    }

    /** The seed's "AZ details" view, from the registry. */
    private static void printAzs(ServiceProcess registry, String deployment, String token) throws IOException, InterruptedException {
        say("availability zones");
        say("  %-5s %-6s %-24s %-24s %-22s %s", "AZ", "IDCs", "OCP instances", "access address", "ConfigUrl", "MonitorDB");
        for (JsonNode az : JSON.readTree(get(registry.url() + "/azs", token)).get("azs")) {
            if (!deployment.equals(az.get("deploymentId").asText())) {
                continue;
            }
            StringBuilder idcs = new StringBuilder();
            az.get("idcs").forEach(idc -> idcs.append(idcs.isEmpty() ? "" : ",").append(idc.get("name").asText()));
            StringBuilder nodes = new StringBuilder();
            az.get("ocpInstances").forEach(n -> nodes.append(nodes.isEmpty() ? "" : ",").append(n.get("host").asText()));
            say("  %-5s %-6s %-24s %-24s %-22s %s", az.get("name").asText(), idcs, nodes,
                    az.get("accessAddress").asText(), az.get("configUrl").asText(), az.get("monitorDb").asText());
        }
    }

    private static void report(Map<String, String> seen, String what, String status) {
        if (!status.equals(seen.put(what, status))) {
            say("  %-45s %s", what, status);
        }
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return request.header("Authorization", "Bearer " + token);
    }

    private static String get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(authorized(url, token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String randomToken() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
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
