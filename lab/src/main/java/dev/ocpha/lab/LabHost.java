package dev.ocpha.lab;

import dev.ocpha.lab.net.HostNetworks;
import dev.ocpha.lab.standins.HostRuntime;
import dev.ocpha.lab.standins.LabServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One lab host: a real OpenSSH server on its own address ({@link HostSshd}), running commands in its own network
 * namespace and filesystem view ({@link HostNamespace}) with stand-ins for the vendor software and the mutating system tools, and
 * the faults a test or the CLI can inject. See docs/lab.md.
 */
public final class LabHost {

    private final String name;
    private final String address;
    private final Labels labels;
    private final Path dir;
    private final String clientKey;
    private final HostNamespace namespace;
    private final HostSshd sshd;
    private final HostRuntime runtime;
    private final LabServices services;
    private final LabBridge bridge;
    private final int block;
    private final Map<Integer, ServerSocket> occupiedPorts = new TreeMap<>();
    private int sshPort;
    private boolean linkDown;
    private boolean up;

    /** Where the host sits: region → IDC, and the availability zone (null outside multi-AZ fleets). */
    public record Labels(String region, String idc, String az) {
    }

    LabHost(LabServices services, LabBridge bridge, int block, String name, String address, int sshPort, Labels labels,
            Path dir, String clientKey) {
        this.services = services;
        this.bridge = bridge;
        this.block = block;
        this.name = name;
        this.address = address;
        this.sshPort = sshPort;
        this.labels = labels;
        this.dir = dir;
        this.clientKey = clientKey;
        try {
            Files.createDirectories(root());
            Files.createDirectories(stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HostSeed.seed(root(), stateDir(), name, address);
        this.runtime = new HostRuntime(services, name, address, root(), stateDir(), new Journal(dir.resolve("journal.jsonl")));
        this.namespace = new HostNamespace(name, address, root(), stateDir());
        runtime.inHost(namespace::command);
        this.sshd = new HostSshd(name, root(), stateDir(), namespace);
        sshd.seed(clientKey);
    }

    public String name() {
        return name;
    }

    /** The host's hostname (its /etc/hostname and {@code hostname} inside it); the lab names hosts host-N. */
    public String hostname() {
        return name;
    }

    public String address() {
        return address;
    }

    /** How OpenSSH's known_hosts names this host: {@code address} on port 22, else {@code [address]:port}. */
    public String knownHostsName() {
        return sshPort == 22 ? address : "[" + address + "]:" + sshPort;
    }

    public Labels labels() {
        return labels;
    }

    public String region() {
        return labels.region();
    }

    public String idc() {
        return labels.idc();
    }

    public String az() {
        return labels.az();
    }

    /** Fixed once the host first started (a fleet started with port 0 gets a free port per host). */
    public synchronized int sshPort() {
        return sshPort;
    }

    /** The host's "/" as seen by its commands and its SFTP server. */
    public Path root() {
        return dir.resolve("root");
    }

    /** The lab's recorded state of the host (its /proc/sys, services, containers), outside what the host can see. */
    public Path stateDir() {
        return dir.resolve("state");
    }

    /** Every stand-in call on this host so far, oldest first (also in {@code journal.jsonl} in the host's directory). */
    public List<JournalEntry> journal() {
        return runtime.journal().entries();
    }

    /** For the stand-ins' fleet-level services (the MetaDB registry, the OCP servers). */
    public HostRuntime runtime() {
        return runtime;
    }

    /** The host key's public line ({@code ecdsa-sha2-nistp256 AAAA…}), as known_hosts holds it. */
    String hostPublicKey() {
        return LabKeys.publicLine(root().resolve(HostSshd.HOST_KEY));
    }

    public synchronized boolean isUp() {
        return up;
    }

    /** Host up: its filesystem view, SSH server (same address, port and host key as before) and containers. */
    public synchronized void start() {
        if (up) {
            return;
        }
        List<String> tools = services.control().toolNames();
        for (String tool : tools) {
            services.control().writeClient(root().resolve(HostNamespace.STANDIN_DIR.substring(1)), tool, runtime.token());
        }
        for (String tool : services.control().packagedToolNames()) {
            services.control().writeClient(root().resolve(HostNamespace.PACKAGED_DIR.substring(1)), tool, runtime.token());
        }
        for (String path : HostNamespace.OVERLAID_TOOLS) {
            Path real = Path.of(path);
            if (tools.contains(real.getFileName().toString())) {
                services.control().writeClient(stateDir().resolve("usr-overlay").resolve(Path.of("/usr").relativize(real.getParent())),
                        real.getFileName().toString(), runtime.token());
            }
        }
        namespace.start(bridge, block);
        services.control().listenInside(address);
        sshPort = sshd.start(address, sshPort);
        runtime.hostUp();
        up = true;
    }

    /**
     * Host down: the SSH server stops and drops its connections, and its containers' listeners stop, so every new
     * connection to the host's address is refused. {@link #start()} brings all of it back.
     */
    public synchronized void stop() {
        if (!up) {
            return;
        }
        runtime.hostDown();
        sshd.stop();
        up = false;
    }

    /**
     * sshd stopped (as by {@code systemctl stop sshd}): SSH connections are refused while the host and everything else
     * on it keep running. {@link #startSshd()} (or {@link #clearFaults()}) starts it again, same port and host key.
     */
    public synchronized void stopSshd() {
        sshd.stop();
    }

    public synchronized void startSshd() {
        if (up && !sshd.running()) {
            sshPort = sshd.start(address, sshPort);
        }
    }

    /** Stops the host for good: SSH server, containers, daemons' processes, occupied ports and its namespace. */
    synchronized void close() {
        try {
            stop();
        } finally {
            runtime.close();
            services.control().stopListeningInside(address);
            occupiedPorts.values().forEach(LabHost::closeQuietly);
            occupiedPorts.clear();
            namespace.close();
        }
    }

    // ---- faults (docs/lab.md "Faults") ----

    /** Host down (same as {@link #stop()}). */
    public void down() {
        stop();
    }

    /**
     * Network gone: the host's link to the lab bridge is down, so connections to it time out (not refused) and it
     * reaches no other host, while its sshd and everything else keep running. {@link #linkUp()} (or
     * {@link #clearFaults()}) plugs it in again.
     */
    public synchronized void linkDown() {
        bridge.link(address, false);
        linkDown = true;
    }

    public synchronized void linkUp() {
        if (linkDown) {
            bridge.link(address, true);
            linkDown = false;
        }
    }

    /** Host up again (same as {@link #start()}). */
    public void up() {
        start();
    }

    /** Slow host: every command starts {@code perCommand} late ({@code Duration.ZERO} clears it). */
    public void slow(Duration perCommand) {
        if (perCommand.isNegative()) {
            throw new IllegalArgumentException("a slow-host latency cannot be negative: " + perCommand);
        }
        sshd.delayEachSession(perCommand);
    }

    /** Authentication failure: root's authorized_keys no longer holds the fleet's client key, until cleared. */
    public void rejectClientKey(boolean reject) {
        sshd.authorize(reject ? null : clientKey);
    }

    /**
     * Host key rotated: a new host key, the SSH server restarted with it; a client holding the fleet's known_hosts sees
     * a changed key, as in a man-in-the-middle. {@link #restoreHostKey()} (or {@link #clearFaults()}) puts the original back.
     */
    public synchronized void rotateHostKey() {
        Path key = root().resolve(HostSshd.HOST_KEY);
        Path original = stateDir().resolve("ssh_host_key.original");
        try {
            if (!Files.exists(original)) {
                Files.move(key, original);
                Files.move(LabKeys.pub(key), LabKeys.pub(original));
            } else {
                Files.deleteIfExists(key);
                Files.deleteIfExists(LabKeys.pub(key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the host key of " + name, e);
        }
        LabKeys.ensure(key, "root@" + name);
        restartSsh();
    }

    public synchronized void restoreHostKey() {
        Path original = stateDir().resolve("ssh_host_key.original");
        if (!Files.exists(original)) {
            return;
        }
        Path key = root().resolve(HostSshd.HOST_KEY);
        try {
            Files.move(LabKeys.pub(original), LabKeys.pub(key), StandardCopyOption.REPLACE_EXISTING);
            Files.move(original, key, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the host key of " + name, e);
        }
        restartSsh();
    }

    private void restartSsh() {
        if (sshd.running()) {
            sshd.stop();
            sshPort = sshd.start(address, sshPort);
        }
    }

    /** Port occupied: a real listener on the host's address and {@code port}, until {@link #releasePort(int)}. */
    public synchronized void occupyPort(int port) {
        if (occupiedPorts.containsKey(port)) {
            return;
        }
        try {
            occupiedPorts.put(port, HostNetworks.listen(address, port, 50));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot occupy " + address + ":" + port + " (already in use?)", e);
        }
    }

    public synchronized void releasePort(int port) {
        closeQuietly(occupiedPorts.remove(port));
    }

    /** Disk nearly full: {@code df} reports only {@code availableBytes} free on the filesystem holding {@code path}. */
    public void diskNearlyFull(String path, long availableBytes) {
        if (!path.startsWith("/") || availableBytes < 0) {
            throw new IllegalArgumentException("the disk fault needs an absolute path and available bytes >= 0, not "
                    + path + " and " + availableBytes);
        }
        runtime.diskFault(new HostRuntime.DiskFault(path, availableBytes));
    }

    /** Low memory: the host's /proc/meminfo shows {@code totalMb} MemTotal and {@code availableMb} MemFree/MemAvailable. */
    public void lowMemory(long totalMb, long availableMb) {
        if (totalMb <= 0 || availableMb < 0 || availableMb > totalMb) {
            throw new IllegalArgumentException("the low-memory fault needs 0 <= available <= total, total > 0; got total "
                    + totalMb + " MB, available " + availableMb + " MB");
        }
        runtime.memoryFault(new HostRuntime.MemoryFault(totalMb * 1024, availableMb * 1024));
    }

    /** Clock offset: the host's {@code date}, {@code chronyc}, {@code ntpstat} and OCP's /api/v2/time run ahead by it (negative: behind). */
    public void clockOffset(Duration offset) {
        runtime.clockOffset(offset);
    }

    /** Stand-in failure: the next {@code times} calls of {@code tool} on this host exit 1, then it works again. */
    public void failTool(String tool, int times) {
        requireTool(tool);
        runtime.faults().failNext(tool, times);
    }

    /** Stand-in hang: every call of {@code tool} on this host blocks until its caller gives up (for timeout tests). */
    public void hangTool(String tool) {
        requireTool(tool);
        runtime.faults().hang(tool);
    }

    /** OCP wrong version: OCP containers started (or restarted) from now on report {@code buildVersion} in /api/v2/info. */
    public void ocpWrongVersion(String buildVersion) {
        runtime.ocpVersionFault(buildVersion);
    }

    /** OCP down: the HTTP server of each running OCP container stops (the container stays up); a restart brings it back. */
    public int ocpDown() {
        return runtime.ocpDown();
    }

    /**
     * podman-docker installed instead of Docker, which OCP does not support
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md):
     * {@code docker version} reports podman.
     */
    public void podmanDocker(boolean podman) {
        runtime.docker().podman(podman);
    }

    private void requireTool(String tool) {
        List<String> tools = new ArrayList<>(services.control().toolNames());
        tools.addAll(services.control().packagedToolNames());
        if (!tools.contains(tool)) {
            throw new IllegalArgumentException("no stand-in tool named '" + tool + "'; the lab has " + tools);
        }
    }

    /** Every fault off: host up, no latency, key accepted, original host key, ports released, disk/memory/clock/tool faults cleared. */
    public synchronized void clearFaults() {
        linkUp();
        startSshd();
        sshd.delayEachSession(Duration.ZERO);
        sshd.authorize(clientKey);
        restoreHostKey();
        occupiedPorts.values().forEach(LabHost::closeQuietly);
        occupiedPorts.clear();
        runtime.diskFault(null);
        runtime.memoryFault(null);
        runtime.clockOffset(Duration.ZERO);
        runtime.faults().clear();
        runtime.clearOcpFaults();
        start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // a listener that is already closed
        }
    }

    @Override
    public String toString() {
        return name + "@" + address + ":" + sshPort;
    }
}
