package dev.ocpha.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** One shared Kafka broker + PostgreSQL per test JVM, started in parallel on first use, stopped by a JVM shutdown hook. */
public final class SharedInfrastructure {

    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class.getName());

    private static SharedInfrastructure instance;

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;

    private SharedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts both in parallel the first time (throwaway data dirs under java.io.tmpdir). */
    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = startBoth();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    /**
     * Stops the shared PostgreSQL until the returned handle is closed (it restarts with the same data and port).
     * Every test of the JVM shares it: a test that uses this should run alone ({@code @Isolated}) and close the
     * handle in a finally block or try-with-resources.
     */
    public PostgresOutage stopPostgres() {
        postgres.stop();
        return postgres::restart;
    }

    /** A PostgreSQL outage that ends when closed. */
    @FunctionalInterface
    public interface PostgresOutage extends AutoCloseable {
        @Override
        void close();
    }

    private static SharedInfrastructure startBoth() {
        long began = System.nanoTime();
        Path kafkaDir = createTempDir();
        // A thread of its own: the common pool has a single worker on a 2-core machine.
        CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
        new Thread(() -> {
            try {
                postgres.complete(EmbeddedPostgres.start(null, 0));
            } catch (Throwable t) {
                postgres.completeExceptionally(t);
            }
        }, "shared-postgres-start").start();

        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(kafkaDir, 0);
        } catch (RuntimeException e) {
            postgres.thenAccept(EmbeddedPostgres::close);
            deleteRecursively(kafkaDir);
            throw e;
        }
        SharedInfrastructure shared;
        try {
            shared = new SharedInfrastructure(kafka, postgres.join());
        } catch (CompletionException e) {
            kafka.close();
            deleteRecursively(kafkaDir);
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            deleteRecursively(kafkaDir);
            shared.postgres.close();
        }, "shared-infrastructure-shutdown"));
        LOG.info(String.format("Kafka at %s and PostgreSQL at %s ready in %d ms",
                shared.kafkaBootstrapServers(), shared.jdbcUrl(), (System.nanoTime() - began) / 1_000_000));
        return shared;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("ocpha-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temp dir
        }
    }
}
