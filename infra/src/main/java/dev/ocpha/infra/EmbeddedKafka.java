package dev.ocpha.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/** A real single-node Apache Kafka broker (KRaft, broker and controller in one) running in this JVM. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final boolean JBOSS_LOGMANAGER_PRESENT = isPresent("org.jboss.logmanager.LogContext");

    /*
     * The broker logs its whole configuration (several times, ~1000 lines) and every internal step at
     * INFO; this keeps it to warnings wherever SLF4J ends in java.util.logging or in JBoss LogManager
     * (Quarkus and its tests). Other bindings (log4j2 in the devstack) are configured by their owners.
     * AbstractConfig also prints client config dumps, which are quieted with it.
     */
    private static final List<Logger> QUIET_LOGGERS = quietBrokerLogging(
            "kafka", "state.change.logger", "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft",
            "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
            "org.apache.kafka.network", "org.apache.kafka.security");

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a real single-node KRaft broker (broker+controller) on 127.0.0.1:port (0 = a free port), log
     * dirs under dataDir (formatted if new, reused if present). Internal topics have replication factor 1,
     * group.initial.rebalance.delay.ms=0, auto.create.topics.enable=false, num.partitions=1.
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        while (controllerPort == brokerPort) {
            controllerPort = freePort();
        }
        Path logDir = dataDir.toAbsolutePath().resolve("kraft-logs");
        KafkaConfig config = new KafkaConfig(brokerConfig(logDir, brokerPort, controllerPort), false);
        formatIfNew(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup(); // returns once the broker is unfenced and its listeners accept requests
        } catch (RuntimeException e) {
            try {
                server.shutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new EmbeddedKafka(server, HOST + ":" + brokerPort);
    }

    /** "127.0.0.1:NNNN" */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker cleanly (controlled shutdown, logs flushed). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }
    }

    /**
     * Runs a broker in this JVM until SIGTERM/SIGINT: args = dataDir port. Prints one line
     * "KAFKA READY &lt;bootstrap&gt;" to stdout when ready.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedKafka <dataDir> <port>");
            System.exit(2);
        }
        EmbeddedKafka kafka = start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-shutdown"));
        System.out.println("KAFKA READY " + kafka.bootstrapServers());
        System.out.flush();
        kafka.stopped.await();
    }

    private static Properties brokerConfig(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // One node: every internal topic gets replication factor 1, and one partition is plenty
        // (the default 50 makes the first consumer group or transaction wait for 50 partitions).
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // The log cleaner allocates this buffer up front (default 128 MiB) and a test JVM shares its heap.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Writes meta.properties and the bootstrap metadata once, as `kafka-storage.sh format` would. */
    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
    }

    /** Returns the loggers so they stay referenced: JUL holds loggers weakly, and a collected one forgets its level. */
    private static List<Logger> quietBrokerLogging(String... names) {
        List<Logger> loggers = new ArrayList<>();
        for (String name : names) {
            loggers.add(Logger.getLogger(name));
            // slf4j-jboss-logmanager logs to JBoss's LogContext, which is not JUL's when JUL was touched
            // before java.util.logging.manager was set (as JUnit does under Surefire)
            if (JBOSS_LOGMANAGER_PRESENT) {
                loggers.add(JBossLogManager.logger(name));
            }
        }
        loggers.forEach(logger -> logger.setLevel(Level.WARNING));
        return loggers;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, EmbeddedKafka.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded only when JBoss LogManager is on the class path. */
    private static final class JBossLogManager {
        static Logger logger(String name) {
            return org.jboss.logmanager.LogContext.getLogContext().getLogger(name);
        }
    }
}
