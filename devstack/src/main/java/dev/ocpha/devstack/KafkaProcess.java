package dev.ocpha.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real Kafka broker (KRaft) in its own JVM, data kept in {@code dataDir} between runs. */
public final class KafkaProcess extends ChildProcess {

    private final String bootstrapServers;

    private KafkaProcess(List<String> command, Path log, int port) {
        super("kafka", command, Map.of(), log);
        this.bootstrapServers = "127.0.0.1:" + port;
    }

    public static KafkaProcess start(Path dataDir, int port, Path logDir) {
        List<String> command = List.of(java(), "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.ocpha.infra.EmbeddedKafka",
                dataDir.toString(), Integer.toString(port));
        KafkaProcess kafka = new KafkaProcess(command, logDir.resolve("kafka.log"), port);
        kafka.awaitReady(kafka::announcedReady, Duration.ofSeconds(60));
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private boolean announcedReady() {
        try {
            return Files.readString(log()).contains("KAFKA READY");
        } catch (IOException e) {
            return false;
        }
    }
}
