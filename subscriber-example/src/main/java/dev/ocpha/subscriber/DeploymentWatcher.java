package dev.ocpha.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Follows deployments from the public topics alone, as any outside system can: its own consumer group, the
 * CloudEvents headers and the JSON values, no code of the deployer's. Started late, it still shows a deployment's
 * whole history, because it reads the topics from the beginning.
 */
@Command(name = "deployment-watcher", mixinStandardHelpOptions = true,
        description = "Prints the progress of OCP HA deployments from their Kafka topics.")
public final class DeploymentWatcher implements Callable<Integer> {

    /** The public topics (docs/events.md); dead-letter topics are the services' own business. */
    static final List<String> TOPICS = List.of("ocpha.planner.deployments", "ocpha.planner.step-commands",
            "ocpha.executor.step-events", "ocpha.checker.checks", "ocpha.registry.topology");
    private static final Set<String> FINAL = Set.of("ocpha.DeploymentSucceeded", "ocpha.DeploymentFailed",
            "ocpha.DeploymentCancelled");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, host:port[,…]")
    String bootstrapServers;

    @Option(names = "--deployment", description = "Only this deployment id (default: all)")
    String deployment;

    @Option(names = "--group", description = "Consumer group (default: a new one, which starts at the beginning)")
    String group;

    @Option(names = "--until-finished", description = "Exit once the watched deployment succeeded, failed or was cancelled")
    boolean untilFinished;

    @Option(names = "--progress", description = "Also print the output lines of running steps")
    boolean progress;

    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public DeploymentWatcher() {
        this(System.out);
    }

    /** Prints to {@code out} instead of the console (for programs that embed the watcher). */
    public DeploymentWatcher(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeploymentWatcher()).execute(args));
    }

    void stop() {
        running.set(false);
    }

    @Override
    public Integer call() {
        if (untilFinished && deployment == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--until-finished needs --deployment");
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group != null ? group : "deployment-watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup, "watcher-stop"));
            consumer.subscribe(TOPICS);
            Integer exit = null;
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(250));
                // topics are not ordered among each other: after the final event, read what the others still hold
                if (exit != null && records.isEmpty()) {
                    return exit;
                }
                for (ConsumerRecord<String, String> record : records) {
                    String type = header(record, "ce_type");
                    String subject = header(record, "ce_subject");
                    // delivery is at least once: an event id seen before is a redelivery
                    if (type == null || !seen.add(header(record, "ce_id"))
                            || (deployment != null && !deployment.equals(subject))) {
                        continue;
                    }
                    print(record, type, subject);
                    if (untilFinished && FINAL.contains(type)) {
                        exit = "ocpha.DeploymentSucceeded".equals(type) ? 0 : 1;
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // Ctrl-C
        }
        return 0;
    }

    private void print(ConsumerRecord<String, String> record, String type, String subject) {
        if ("ocpha.StepProgressed".equals(type) && !progress) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(record.value());
        } catch (Exception e) {
            return; // not ours to judge: the producer's dead-letter handling is elsewhere
        }
        String time = header(record, "ce_time");
        out.printf("%s  %s  %-30s %s%n", time == null ? TIME.format(Instant.ofEpochMilli(record.timestamp()))
                        : TIME.format(Instant.parse(time)), shortId(subject), type.substring(type.indexOf('.') + 1),
                EventSummary.of(type, event));
        out.flush();
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
