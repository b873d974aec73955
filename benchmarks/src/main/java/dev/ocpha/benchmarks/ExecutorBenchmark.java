package dev.ocpha.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.devstack.LocalStack;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.infra.SharedInfrastructure;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.net.HostNetworks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The executor's two performance targets (issue 6), on the real broker, database, lab fleet and packaged executor
 * processes, printed as ratios:
 * <ul>
 *   <li>throughput of 3 executors vs 1 on many short I/O-bound steps across hosts (target ≥ 2.5×). Each step waits
 *   for an OCP status endpoint that answers after {@value #STATUS_DELAY_MS} ms, and each executor runs at most
 *   {@value #SLOTS} steps at once, so one executor is the bottleneck and a second and third add capacity;</li>
 *   <li>event hop latency: a step's outcome published → the next step command received by an executor (its
 *   {@code accepted_at}), over a chain of ≥ 1000 steps where this program plays the planner (targets p50 ≤ 10 ms,
 *   p99 ≤ 50 ms).</li>
 * </ul>
 */
public final class ExecutorBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDENTIAL = "lab";
    private static final String ADMIN_REF = "bench-admin";
    private static final int HOSTS = 12;
    private static final int SLOTS = 3;
    private static final int STATUS_DELAY_MS = 2000;
    private static final int THROUGHPUT_STEPS = 144;
    private static final int HOPS = 1000;
    private static final int WARMUP_HOPS = 50;

    private final Path root;
    private final Path work;
    private final SharedInfrastructure infra;
    private final LabFleet fleet;
    /** Per host: the status endpoint its steps poll, on the host's own address (in its network namespace). */
    private final Map<String, HttpServer> ocps = new HashMap<>();
    private final KafkaProducer<String, String> producer;

    private ExecutorBenchmark(Path root) throws IOException {
        this.root = root;
        this.work = Files.createTempDirectory("ocpha-executor-benchmark");
        this.infra = SharedInfrastructure.get();
        this.fleet = LabFleet.start(work.resolve("lab"), HOSTS, 0);
        for (LabHost host : fleet.hosts()) {
            ocps.put(host.name(), slowStatusEndpoint(host.address()));
        }
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String which = args.length > 1 ? args[1] : "all";
        ExecutorBenchmark benchmark = new ExecutorBenchmark(root);
        try {
            if (which.equals("all") || which.equals("throughput")) {
                benchmark.throughput();
            }
            if (which.equals("all") || which.equals("latency")) {
                benchmark.latency();
            }
        } finally {
            benchmark.close();
        }
        System.exit(0); // the in-process broker's threads would keep the JVM alive
    }

    private void throughput() throws Exception {
        double one = stepsPerSecond("tp1", 1);
        double three = stepsPerSecond("tp3", 3);
        double ratio = three / one;
        System.out.printf("executor throughput: 1 executor %.1f steps/s, 3 executors %.1f steps/s "
                        + "(%d WAIT_OCP_HEALTHY steps of ~%d ms over %d lab hosts, %d slots per executor)%n",
                one, three, THROUGHPUT_STEPS, STATUS_DELAY_MS, HOSTS, SLOTS);
        System.out.printf("RESULT executor scale-out: %.2fx (target >= 2.5x, ratio to target %.2f) %s%n",
                ratio, ratio / 2.5, ratio >= 2.5 ? "MET" : "MISSED");
    }

    private double stepsPerSecond(String phase, int executorCount) throws Exception {
        List<ServiceProcess> executors = startExecutors(phase, executorCount);
        try (KafkaConsumer<String, String> events = outcomes()) {
            warmUp(events, executorCount);
            Set<String> pending = new HashSet<>();
            long began = System.nanoTime();
            for (int i = 0; i < THROUGHPUT_STEPS; i++) {
                LabHost host = fleet.host(i % HOSTS);
                StepRequested step = healthStep(UUID.randomUUID().toString(), phase + "-" + i, host);
                pending.add(step.deploymentId());
                send(step);
            }
            awaitSucceeded(events, pending, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - began) / 1e9;
            return THROUGHPUT_STEPS / seconds;
        } finally {
            executors.forEach(ServiceProcess::close);
        }
    }

    /** One step per executor first, so connection set-up and JIT warm-up are not measured. */
    private void warmUp(KafkaConsumer<String, String> events, int executorCount) throws Exception {
        Set<String> pending = new HashSet<>();
        for (int i = 0; i < HOSTS * executorCount; i++) {
            StepRequested step = healthStep(UUID.randomUUID().toString(), "warm-up-" + i, fleet.host(i % HOSTS));
            pending.add(step.deploymentId());
            send(step);
        }
        awaitSucceeded(events, pending, Duration.ofMinutes(5));
    }

    private void latency() throws Exception {
        List<ServiceProcess> executors = startExecutors("hop", 3);
        String deploymentId = UUID.randomUUID().toString();
        Map<String, Long> outcomePublished = new HashMap<>();
        LabHost host = fleet.host(0);
        try (KafkaConsumer<String, String> events = outcomes()) {
            int total = HOPS + WARMUP_HOPS + 1;
            send(quickStep(deploymentId, 0, host));
            for (int i = 0; i < total; i++) {
                ConsumerRecord<String, String> outcome = awaitOutcome(events, deploymentId, "hop-" + i);
                outcomePublished.put("hop-" + i, outcome.timestamp() * 1000); // Kafka's ms, as µs
                if (i + 1 < total) {
                    send(quickStep(deploymentId, i + 1, host)); // the planner's reaction: the next step
                }
            }
            Map<String, Long> received = acceptedAt(deploymentId);
            long[] hops = new long[HOPS];
            for (int i = 0; i < HOPS; i++) {
                int next = WARMUP_HOPS + i + 1;
                hops[i] = received.get("hop-" + next) - outcomePublished.get("hop-" + (next - 1));
            }
            Arrays.sort(hops);
            double p50 = hops[HOPS / 2] / 1000.0;
            double p99 = hops[(int) Math.ceil(HOPS * 0.99) - 1] / 1000.0;
            System.out.printf("event hop latency (outcome published -> next command received by an executor, %d hops, "
                    + "3 executors): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", HOPS, p50, p99, hops[HOPS - 1] / 1000.0);
            System.out.printf("RESULT hop latency p50: %.1f ms (target <= 10 ms, ratio to target %.2f) %s%n",
                    p50, p50 / 10, p50 <= 10 ? "MET" : "MISSED");
            System.out.printf("RESULT hop latency p99: %.1f ms (target <= 50 ms, ratio to target %.2f) %s%n",
                    p99, p99 / 50, p99 <= 50 ? "MET" : "MISSED");
        } finally {
            executors.forEach(ServiceProcess::close);
        }
    }

    private List<ServiceProcess> startExecutors(String phase, int count) throws IOException {
        List<ServiceProcess> executors = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = phase + "-executor-" + i;
            Path config = work.resolve(id + ".properties");
            Files.writeString(config, String.join("\n",
                    "ocpha.executor.id=" + id,
                    "ocpha.executor.max-concurrent-steps=" + SLOTS,
                    "ocpha.ssh.known-hosts=" + fleet.knownHosts(),
                    "ocpha.ssh.credentials." + CREDENTIAL + "=" + fleet.clientPrivateKey(),
                    "ocpha.secrets.\"" + ADMIN_REF + "\"=Bench#Admin-1",
                    "quarkus.log.level=WARN", ""));
            executors.add(ServiceProcess.start(root, "executor-service", id, LocalStack.freePort(),
                    new ServiceProcess.Infrastructure(infra.kafkaBootstrapServers(), infra.jdbcUrl(), infra.username(),
                            infra.password()),
                    Map.of("quarkus.config.locations", config.toUri().toString()), Map.of(), work.resolve("logs")));
        }
        CompletableFuture.allOf(executors.stream()
                .map(e -> CompletableFuture.runAsync(() -> e.awaitReady(Duration.ofMinutes(3))))
                .toArray(CompletableFuture[]::new)).join();
        return executors;
    }

    private StepRequested healthStep(String deploymentId, String stepId, LabHost host) {
        return new StepRequested(deploymentId, stepId, StepKinds.WAIT_OCP_HEALTHY, "benchmark", host.name(), "bench",
                access(host), Map.of("url", "http://" + host.address() + ":" + ocps.get(host.name()).getAddress().getPort(),
                        "adminPasswordRef", ADMIN_REF,
                        "waitSeconds", "60", "intervalSeconds", "1"), 120, 1, 1, "community-4.2");
    }

    private static StepRequested quickStep(String deploymentId, int i, LabHost host) {
        return new StepRequested(deploymentId, "hop-" + i, StepKinds.PREPARE_HOST, "benchmark", host.name(), "bench",
                access(host), Map.of("directories", "bench"), 60, 1, 1, "community-4.2");
    }

    private static HostAccess access(LabHost host) {
        return new HostAccess(host.address(), host.sshPort(), "root", CREDENTIAL);
    }

    private void send(StepRequested step) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.STEP_COMMANDS,
                Topics.hostKey(step.deploymentId(), step.host()), JSON.writeValueAsString(step));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, EventType.STEP_REQUESTED.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SUBJECT, step.deploymentId().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private KafkaConsumer<String, String> outcomes() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.STEP_EVENTS));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100)); // joined: later outcomes are not missed
        }
        return consumer;
    }

    private static void awaitSucceeded(KafkaConsumer<String, String> events, Set<String> pending, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " steps did not succeed in " + timeout);
            }
            for (ConsumerRecord<String, String> record : events.poll(Duration.ofMillis(100))) {
                String type = header(record, EventHeaders.TYPE);
                if (EventType.STEP_FAILED.ceType().equals(type) && pending.contains(header(record, EventHeaders.SUBJECT))) {
                    throw new IllegalStateException("a benchmark step failed: " + record.value());
                }
                if (EventType.STEP_SUCCEEDED.ceType().equals(type)) {
                    pending.remove(header(record, EventHeaders.SUBJECT));
                }
            }
        }
    }

    private static ConsumerRecord<String, String> awaitOutcome(KafkaConsumer<String, String> events, String deploymentId,
                                                               String stepId) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : events.poll(Duration.ofMillis(50))) {
                String type = header(record, EventHeaders.TYPE);
                if (!deploymentId.equals(header(record, EventHeaders.SUBJECT))) {
                    continue;
                }
                JsonNode event = JSON.readTree(record.value());
                if (stepId.equals(event.path("stepId").asText())) {
                    if (EventType.STEP_FAILED.ceType().equals(type)) {
                        throw new IllegalStateException("benchmark step " + stepId + " failed: " + record.value());
                    }
                    if (EventType.STEP_SUCCEEDED.ceType().equals(type)) {
                        return record;
                    }
                }
            }
        }
        throw new IllegalStateException("no outcome of " + stepId + " within a minute");
    }

    /** When each step command reached an executor, in microseconds since the epoch. */
    private Map<String, Long> acceptedAt(String deploymentId) throws Exception {
        Map<String, Long> accepted = new HashMap<>();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), infra.username(), infra.password());
             PreparedStatement select = db.prepareStatement("SELECT step_id, "
                     + "(extract(epoch FROM accepted_at) * 1000000)::bigint FROM executor.step_run WHERE deployment_id = ?")) {
            select.setObject(1, UUID.fromString(deploymentId));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accepted.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return accepted;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** OCP's /api/status as the steps see it, answering {@code okay} after a fixed delay: an I/O-bound step. */
    private static HttpServer slowStatusEndpoint(String address) throws IOException {
        HttpServer server = HostNetworks.inside(address, () -> HttpServer.create(new InetSocketAddress(address, 0), 200));
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/status", exchange -> {
            try {
                Thread.sleep(STATUS_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "okay".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private void close() throws IOException {
        producer.close();
        ocps.values().forEach(server -> server.stop(0));
        fleet.close();
        try (var paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
