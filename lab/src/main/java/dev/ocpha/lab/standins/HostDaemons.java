package dev.ocpha.lab.standins;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The background processes that stand-ins start on a host the way vendor daemons start themselves (observer,
 * obproxy): the command returns at once while a real process stays in the host, in its namespaces and with its
 * reduced capabilities, a session of its own, standard streams on /dev/null, its pid in its pid file. So
 * {@code ps -ef}, {@code pgrep -f} and {@code kill} work on the host and the SSH session that started it ends. The
 * process is {@code sleep infinity} under the daemon's name ({@code comm}) and command line ({@code argv[0]}); what the
 * daemon serves are listeners in the fleet's JVM, which the lab starts before the process (a taken port fails the
 * command), stops when the process ends and while the host is down. The JVM is the processes' parent (the host
 * shares the machine's PID namespace), so it sees them end at once and none is left a zombie; it kills them when the
 * fleet closes, and {@code state/daemons.json} names them, so a fleet that was not closed leaves none behind at its
 * next start either.
 */
public final class HostDaemons {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCESS_DIR = "/opt/lab/libexec/process/";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    /** Runs in the host: from the caller's directory, becomes the daemon's process. */
    private static final String BECOME = "cd \"$1\" && exec -a \"$2\" \"$3\" infinity";

    /** What a daemon serves while its process lives: real listeners. */
    public interface Service {
        void start() throws IOException;

        void stop();
    }

    /**
     * A daemon to start: {@code name} is its process name ({@code observer}), {@code commandLine} what {@code ps} shows,
     * {@code pidFile} and {@code log} its files (machine paths inside the host root, links resolved).
     */
    public record Launch(String name, String commandLine, Path pidFile, Path log) {
    }

    /** A process the lab started, by pid and start time (so a reused pid is never taken for it). */
    record Started(long pid, long startMillis) {
        static Started of(ProcessHandle p) {
            return new Started(p.pid(), startMillis(p));
        }

        Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(p -> p.isAlive() && startMillis(p) == startMillis);
        }

        private static long startMillis(ProcessHandle p) {
            return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }
    }

    private record Daemon(Process process, Launch launch, Service service) {
    }

    private final HostRuntime host;
    private final Path stateFile;
    private final List<Daemon> daemons = new ArrayList<>();

    HostDaemons(HostRuntime host) {
        this.host = host;
        this.stateFile = host.stateDir().resolve("daemons.json");
        killLeftovers();
    }

    /**
     * Starts {@code service}, then the process from the caller's directory with the caller's environment; a service
     * that cannot start (a port taken) fails before any process exists. The caller has checked {@link #running}.
     */
    public synchronized long launch(ToolCall call, Launch launch, Service service) throws IOException {
        service.start();
        Process process = null;
        try {
            Files.createDirectories(launch.pidFile().getParent());
            Files.createDirectories(launch.log().getParent());
            Path program = host.root().resolve(PROCESS_DIR.substring(1) + launch.name());
            if (!Files.exists(program, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(program.getParent());
                Files.createSymbolicLink(program, Path.of("/bin/sleep")); // resolved inside the host when it runs
            }
            ProcessBuilder builder = new ProcessBuilder(host.inHost(List.of("setsid", "bash", "-c", BECOME, "lab-daemon",
                    call.cwd(), launch.commandLine(), PROCESS_DIR + launch.name())))
                    .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(call.env());
            process = builder.start();
            Files.writeString(launch.pidFile(), process.pid() + "\n"); // as the daemon does before its parent returns
            Daemon daemon = new Daemon(process, launch, service);
            daemons.add(daemon);
            save();
            process.onExit().thenRun(() -> exited(daemon));
            log(launch, "INFO", launch.name() + " started, pid=" + process.pid());
            return process.pid();
        } catch (IOException | RuntimeException e) {
            service.stop();
            if (process != null) {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    /** The pid of a live daemon of this host that uses {@code pidFile}. */
    public synchronized Optional<Long> running(Path pidFile) {
        return daemons.stream().filter(d -> d.launch().pidFile().equals(pidFile) && d.process().isAlive())
                .map(d -> d.process().pid()).findFirst();
    }

    /** Appends a line to a daemon's log, in OceanBase's log style ({@code [time] LEVEL message}). */
    public static void log(Launch launch, String level, String message) {
        try {
            Files.createDirectories(launch.log().getParent());
            Files.writeString(launch.log(), "[" + LOG_TIME.format(Instant.now()) + "] " + level + " " + message + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + launch.log(), e);
        }
    }

    /** The host came up: the services of the live daemons listen again. */
    synchronized void hostUp() {
        for (Daemon d : daemons) {
            try {
                d.service().start();
            } catch (IOException e) {
                log(d.launch(), "ERROR", "fail to listen after the host came up: " + e.getMessage());
            }
        }
    }

    /** The host went down: its daemons' listeners stop; the processes stay. */
    synchronized void hostDown() {
        daemons.forEach(d -> d.service().stop());
    }

    /** The fleet closes: listeners stop and every process the lab started on this host is killed. */
    synchronized void close() {
        for (Daemon d : List.copyOf(daemons)) {
            d.service().stop();
            d.process().destroyForcibly();
            try {
                d.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exited(d);
        }
    }

    /** The process ended (killed, or the fleet closed): its listeners stop and, as the daemon does, its pid file goes. */
    private synchronized void exited(Daemon d) {
        if (!daemons.remove(d)) {
            return;
        }
        try {
            Path pidFile = d.launch().pidFile();
            if (Files.isRegularFile(pidFile) && Files.readString(pidFile).strip().equals(Long.toString(d.process().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException ignored) {
            // the host's own programs may have removed it already
        }
        log(d.launch(), "INFO", d.launch().name() + " exits, pid=" + d.process().pid());
        d.service().stop(); // after the pid file and the log: whoever sees the port closed finds both done
        save();
    }

    private void killLeftovers() {
        if (!Files.exists(stateFile)) {
            return;
        }
        try {
            List<Started> leftovers = JSON.readValue(stateFile.toFile(), new TypeReference<List<Started>>() { });
            leftovers.forEach(p -> p.handle().ifPresent(ProcessHandle::destroyForcibly));
            Files.delete(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
    }

    private void save() {
        try {
            JSON.writeValue(stateFile.toFile(), daemons.stream().map(d -> Started.of(d.process().toHandle())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }
}
