package dev.ocpha.lab.standins;

import dev.ocpha.lab.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the stand-ins of one host work on: its root, its recorded system state, its journal and faults, its containers.
 * Owned by a {@code LabHost}; the stand-ins reach it through the token of the calling client.
 */
public final class HostRuntime {
    private final LabServices lab;
    private final String name;
    private final String address;
    private final Path root;
    private final Path state;
    private final Journal journal;
    private final ToolFaults faults = new ToolFaults();
    private final SystemState system;
    private final DockerEngine docker;
    private final HostDaemons daemons;
    private volatile UnaryOperator<List<String>> enter;
    private final String token;
    private volatile String ocpVersionFault;
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile DiskFault diskFault;
    private volatile MemoryFault memoryFault;

    /** The df fault: the filesystem holding {@code path} reports only {@code availableBytes} free. */
    public record DiskFault(String path, long availableBytes) {
    }

    /** The low-memory fault, as /proc/meminfo shows it (kB). */
    public record MemoryFault(long totalKb, long availableKb) {
    }

    public HostRuntime(LabServices lab, String name, String address, Path root, Path state, Journal journal) {
        this.lab = lab;
        this.name = name;
        this.address = address;
        this.root = root;
        this.state = state;
        this.journal = journal;
        this.system = SystemState.loadOrCreate(state.resolve("system.json"));
        if (selinuxConfig().equals("disabled")) {
            system.selinux = "disabled"; // the config file takes effect at "boot", which a fleet start is
        }
        writeProcViews();
        this.docker = new DockerEngine(this);
        this.daemons = new HostDaemons(this);
        this.token = lab.control().register(this);
    }

    /** Baked into the host's stand-in clients: tells the control server which host calls. */
    public String token() {
        return token;
    }

    public DockerEngine docker() {
        return docker;
    }

    public HostDaemons daemons() {
        return daemons;
    }

    /** How the host's namespace runs a program ({@code argv} → the argv that runs it inside the host); set by its LabHost. */
    public void inHost(UnaryOperator<List<String>> enter) {
        this.enter = enter;
    }

    List<String> inHost(List<String> argv) {
        return enter.apply(argv);
    }

    public LabServices lab() {
        return lab;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public Path root() {
        return root;
    }

    public Path stateDir() {
        return state;
    }

    public Journal journal() {
        return journal;
    }

    public ToolFaults faults() {
        return faults;
    }

    public SystemState system() {
        return system;
    }

    public Path procSys() {
        return state.resolve("proc-sys");
    }

    public void saveSystem() {
        system.save(state.resolve("system.json"));
    }

    public Duration clockOffset() {
        return clockOffset;
    }

    public void clockOffset(Duration offset) {
        this.clockOffset = offset;
    }

    /** Now, on this host's clock. */
    public java.time.Instant now() {
        return java.time.Instant.now().plus(clockOffset);
    }

    public DiskFault diskFault() {
        return diskFault;
    }

    public void diskFault(DiskFault fault) {
        this.diskFault = fault;
    }

    public MemoryFault memoryFault() {
        return memoryFault;
    }

    public void memoryFault(MemoryFault fault) {
        this.memoryFault = fault;
        writeProcViews();
    }

    /** The host came up: its containers' and daemons' listeners start again. */
    public void hostUp() {
        docker.hostUp();
        daemons.hostUp();
    }

    /** The host went down: its containers' and daemons' listeners stop with it (the daemons' processes stay). */
    public void hostDown() {
        docker.hostDown();
        daemons.hostDown();
    }

    /** The fleet closes: the processes of the host's daemons are killed. */
    public void close() {
        daemons.close();
    }

    /** The "OCP wrong version" fault: OCP containers started from now on report this buildVersion. */
    public void ocpVersionFault(String version) {
        this.ocpVersionFault = version;
    }

    public String ocpVersionFault() {
        return ocpVersionFault;
    }

    /** The "OCP down" fault: the HTTP server of every running OCP container on the host stops. */
    public int ocpDown() {
        int stopped = 0;
        for (Container c : docker.containers()) {
            if (docker.process(c.name).orElse(null) instanceof dev.ocpha.lab.ocp.OcpServer server && server.processLine() != null) {
                server.down();
                stopped++;
            }
        }
        return stopped;
    }

    public void clearOcpFaults() {
        ocpVersionFault = null;
        docker.podman(false);
    }

    String selinuxConfig() {
        try {
            Path config = root.resolve("etc/selinux/config");
            if (Files.exists(config)) {
                for (String line : Files.readAllLines(config)) {
                    if (line.strip().startsWith("SELINUX=")) {
                        return line.strip().substring("SELINUX=".length()).strip().toLowerCase();
                    }
                }
            }
            return "disabled";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The host's /proc/meminfo and /proc/swaps (bound over the real ones in its namespace): the real memory figures,
     * with the host's swap and the low-memory fault applied. Rewritten in place, so the bind mounts see the change.
     */
    synchronized void writeProcViews() {
        try {
            List<String> lines = new ArrayList<>();
            long swapKb = system.swapOn ? 4L * 1024 * 1024 : 0;
            MemoryFault memory = memoryFault;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                String key = line.substring(0, Math.max(0, line.indexOf(':')));
                switch (key) {
                    case "SwapTotal", "SwapFree" -> line = meminfo(key, swapKb);
                    case "MemTotal" -> line = memory == null ? line : meminfo(key, memory.totalKb());
                    case "MemFree", "MemAvailable" -> line = memory == null ? line : meminfo(key, memory.availableKb());
                    default -> {
                    }
                }
                lines.add(line);
            }
            writeInPlace(state.resolve("meminfo"), String.join("\n", lines) + "\n");
            writeInPlace(state.resolve("swaps"), "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
                    + (system.swapOn ? "/dev/dm-1                               partition\t4194300\t\t0\t\t-2\n" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the /proc views of " + name, e);
        }
    }

    private static String meminfo(String key, long kb) {
        return String.format("%-16s%8d kB", key + ":", kb);
    }

    private static void writeInPlace(Path file, String content) throws IOException {
        Files.writeString(file, content); // truncates the same inode, which a bind mount keeps showing
    }
}
