package dev.ocpha.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real PostgreSQL server from Maven-packaged binaries (zonky), started as a separate process. */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String DATABASE = "ocpha";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
    private final Path dataDir;
    /** The postmaster's command line while stopped by {@link #stop()}, to start it again as it was. */
    private List<String> stoppedCommand;
    /** The postmaster {@link #restart()} started, if it did. */
    private Process restarted;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts a real PostgreSQL on 127.0.0.1:port (0 = free port) with data in dataDir (kept between runs;
     * null = a throwaway temp dir removed on close), creating database "ocpha" if missing. Binaries are
     * unpacked to system property ocpha.pg.dir, else ${user.home}/.cache/ocpha/embedded-pg.
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(unpackDir().toFile())
                    .setServerConfig("listen_addresses", HOST)
                    .setPGStartupWait(Duration.ofSeconds(60));
            Path data;
            if (dataDir != null) {
                data = dataDir.toAbsolutePath();
                stopOrphanedPostmaster(data);
                builder.setDataDirectory(data).setCleanDataDirectory(false);
            } else {
                data = throwawayDataDir();
                builder.setDataDirectory(data).setCleanDataDirectory(true);
            }
            EmbeddedPostgres started = new EmbeddedPostgres(builder.start(), data);
            try {
                started.prepare();
            } catch (SQLException | RuntimeException e) {
                started.close();
                throw e;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare PostgreSQL", e);
        }
    }

    /** jdbc:postgresql://127.0.0.1:NNNN/ocpha */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /**
     * Stops the server (fast shutdown: clients are disconnected) and keeps its data, to test what a service does
     * while its database is down; {@link #restart()} starts it again on the same port.
     */
    public synchronized void stop() {
        if (stoppedCommand != null) {
            return;
        }
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<String> command = new ArrayList<>();
        command.add(postmaster.info().command().orElseThrow());
        command.addAll(List.of(postmaster.info().arguments().orElseThrow()));
        fastShutdown(postmaster);
        stoppedCommand = command;
    }

    /**
     * Starts a server stopped by {@link #stop()} again, with the same data, port and settings, and waits until it
     * accepts connections. As zonky does, root starts it in a user namespace of its own ({@code unshare -U}), in
     * which it is not root: PostgreSQL refuses to run as root.
     */
    public synchronized void restart() {
        if (stoppedCommand == null) {
            return;
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(stoppedCommand);
        try {
            restarted = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("restart.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL again", e);
        }
        stoppedCommand = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD)) {
                return;
            } catch (SQLException e) {
                if (!restarted.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not start again; see " + dataDir.resolve("restart.log"), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while PostgreSQL starts", interrupted);
                }
            }
        }
    }

    @Override
    public void close() {
        if (restarted != null && restarted.isAlive()) {
            // zonky stops only the postmaster it started: the one restart() started is stopped here.
            try {
                fastShutdown(restarted.toHandle());
            } catch (RuntimeException e) {
                restarted.destroyForcibly();
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGINT: PostgreSQL's fast shutdown, which disconnects clients and does not wait for them. */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL stops", e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL " + postmaster.pid() + " did not stop", e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + postgres.getPort() + "/" + database;
    }

    /** Creates database ocpha and gives the superuser a password (zonky's initdb trusts everyone). */
    private void prepare() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    /*
     * pg_ctl daemonizes the postmaster, so a JVM killed without running its shutdown hooks leaves it
     * running on the data dir, and the next start would wait in vain for its own server. zonky holds a
     * file lock on epg-lock while it owns a server: a postmaster without a live owner is an orphan.
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = dataDir.resolve("epg-lock");
        if (Files.exists(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new IllegalStateException("PostgreSQL data dir " + dataDir + " is in use by another process");
                }
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException("PostgreSQL data dir " + dataDir + " is in use in this JVM", e);
            }
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL handles that itself
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor(); // fast shutdown
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping orphaned postmaster " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Could not stop orphaned postmaster " + pid + " on " + dataDir, e);
        }
    }

    private static Path unpackDir() {
        String configured = System.getProperty("ocpha.pg.dir");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "ocpha", "embedded-pg");
    }

    /*
     * zonky's own temp dirs live directly in java.io.tmpdir, out of reach of its sweep of
     * ${java.io.tmpdir}/embedded-pg, which stops postmasters left behind by killed JVMs and removes their
     * data. Putting throwaway dirs there lets a later start clean up after a killed test JVM.
     */
    private static Path throwawayDataDir() throws IOException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "ocpha-");
    }
}
