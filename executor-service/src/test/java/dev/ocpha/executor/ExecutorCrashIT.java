package dev.ocpha.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.devstack.LocalStack;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.infra.SharedInfrastructure;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.LabHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three executors as separate processes from the packaged service, on the real broker and database and a lab
 * fleet. The test plays the planner: it asks for a step, SIGKILLs the executor that runs it, sees another executor
 * take the step over once the lease expired and finish it with exactly one outcome, then asks for the next step.
 */
class ExecutorCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int ROUNDS = 3;

    @TempDir
    static Path work;
    static SharedInfrastructure infra;
    static final Map<String, ServiceProcess> executors = new LinkedHashMap<>();

    @BeforeAll
    static void startThreeExecutors() throws IOException {
        infra = SharedInfrastructure.get();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = "executor-" + i;
            executors.put(id, start(id));
        }
        executors.values().forEach(e -> ready.add(CompletableFuture.runAsync(() -> e.awaitReady(Duration.ofSeconds(120)))));
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    @AfterAll
    static void stopExecutors() {
        executors.values().forEach(ServiceProcess::close);
    }

    /** Settings, secrets among them, go in a file (quarkus.config.locations), not on the process's command line. */
    private static ServiceProcess start(String id) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(ExecutorLabResource.settings());
        settings.put("ocpha.executor.id", id);
        Path config = work.resolve(id + ".properties");
        Files.writeString(config, settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        return ServiceProcess.start(Path.of("..").toAbsolutePath().normalize(), "executor-service", id,
                LocalStack.freePort(), new ServiceProcess.Infrastructure(infra.kafkaBootstrapServers(), infra.jdbcUrl(),
                        infra.username(), infra.password()),
                Map.of("quarkus.config.locations", config.toUri().toString()), Map.of(), work.resolve("logs"));
    }

    @Test
    void executorKilledWhileRunningAStep_anotherTakesItOverAndTheDeploymentCompletes_everyRound() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            LabHost host = ExecutorLabResource.fleet().host(round % ExecutorLabResource.fleet().hosts().size());
            try (OcpFixture ocp = new OcpFixture(ExecutorLabResource.ADMIN_PASSWORD, host).status("bad");
                 TopicProbe events = TopicProbe.subscribe(infra.kafkaBootstrapServers(), Topics.STEP_EVENTS)) {
                String deploymentId = UUID.randomUUID().toString();
                StepRequested wait = request(deploymentId, "wait-ocp-healthy@" + host.name(), StepKinds.WAIT_OCP_HEALTHY, host,
                        Map.of("url", ocp.url(), "adminPasswordRef", ExecutorLabResource.ADMIN_PASSWORD_REF,
                                "waitSeconds", "120", "intervalSeconds", "1"));
                send(wait);

                StepStarted first = started(events, wait, 1);
                ServiceProcess victim = executors.get(first.executorId());
                awaitRequests(ocp); // the step is really running on the host when its executor dies
                victim.kill();

                StepStarted second = started(events, wait, 2);
                assertNotEquals(first.executorId(), second.executorId(), "round " + round);
                ocp.status("okay");
                StepSucceeded done = succeeded(events, wait);
                assertEquals(second.executorId(), done.executorId());
                assertEquals(1, outcomes(events, wait), "exactly one outcome for the attempt in round " + round);
                assertEquals(1, takeovers(wait), "round " + round);

                // the next step of the deployment still runs, on whichever executor
                StepRequested next = request(deploymentId, "prepare-host@" + host.name(), StepKinds.PREPARE_HOST, host,
                        Map.of("directories", "after-takeover-" + round));
                send(next);
                succeeded(events, next);
                assertTrue(java.nio.file.Files.isDirectory(host.root().resolve("root/after-takeover-" + round)));

                executors.put(first.executorId(), start(first.executorId()).awaitReady(Duration.ofSeconds(120)));
            }
        }
    }

    private static StepRequested request(String deploymentId, String stepId, String kind, LabHost host,
                                         Map<String, String> parameters) {
        return new StepRequested(deploymentId, stepId, kind, "crash test", host.name(), "c1",
                new dev.ocpha.contracts.model.HostAccess(host.address(), host.sshPort(), "root", ExecutorLabResource.CREDENTIAL),
                parameters, 180, 1, 1, "community-4.2");
    }

    private static void send(StepRequested request) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.STEP_COMMANDS,
                Topics.hostKey(request.deploymentId(), request.host()), JSON.writeValueAsString(request));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, EventType.STEP_REQUESTED.ceType().getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(infra.kafkaBootstrapServers(), record);
    }

    private static StepStarted started(TopicProbe events, StepRequested request, int nth) throws Exception {
        List<ConsumerRecord<String, String>> started = events.awaitMatching(r -> is(r, request, EventType.STEP_STARTED), nth, WAIT);
        return JSON.readValue(started.get(nth - 1).value(), StepStarted.class);
    }

    private static StepSucceeded succeeded(TopicProbe events, StepRequested request) throws Exception {
        return JSON.readValue(events.awaitMatching(r -> is(r, request, EventType.STEP_SUCCEEDED), 1, WAIT).get(0).value(),
                StepSucceeded.class);
    }

    private static long outcomes(TopicProbe events, StepRequested request) {
        return events.drain(Duration.ofSeconds(3)).stream()
                .filter(r -> is(r, request, EventType.STEP_SUCCEEDED) || is(r, request, EventType.STEP_FAILED)).count();
    }

    private static boolean is(ConsumerRecord<String, String> record, StepRequested request, EventType type) {
        return type.ceType().equals(TopicProbe.header(record, EventHeaders.TYPE))
                && record.value().contains("\"stepId\":\"" + request.stepId() + "\"")
                && request.deploymentId().equals(TopicProbe.header(record, EventHeaders.SUBJECT));
    }

    private static void awaitRequests(OcpFixture ocp) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ocp.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(!ocp.requests().isEmpty(), "the step never reached OCP");
    }

    private static int takeovers(StepRequested request) throws Exception {
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), infra.username(), infra.password());
             PreparedStatement select = db.prepareStatement(
                     "SELECT takeovers FROM executor.step_run WHERE deployment_id = ? AND step_id = ?")) {
            select.setObject(1, UUID.fromString(request.deploymentId()));
            select.setString(2, request.stepId());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getInt(1);
            }
        }
    }
}
