package dev.ocpha.lab;

import dev.ocpha.lab.net.HostNetworks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A lab host's own view of the machine: a long-lived network, mount and UTS namespace. Its network is its own
 * {@code lo} and an {@code eth0} on the fleet's bridge ({@link LabBridge}) with the host's address. Its filesystem is chrooted into the host's root, where
 * the real {@code /usr}, a few device nodes, {@code /proc} and {@code /sys} are bound read-only and everything a
 * deployer writes ({@code /etc}, {@code /home}, {@code /root}, {@code /data}, {@code /log}, {@code /tmp}, {@code /opt},
 * {@code /var} …) is the host's own directory. {@code /proc/sys}, the transparent-hugepage switches and, under the
 * low-memory fault, {@code /proc/meminfo} are per-host files. Every exec enters the namespace with {@code nsenter} and
 * runs without the capabilities that reach the real machine anyway (time, network, modules, mounts, raw devices).
 */
final class HostNamespace implements AutoCloseable {
    static final String STANDIN_DIR = "/opt/lab/bin";
    /** Clients of the tools that installed packages hand over to (off the PATH: see {@code ControlServer.packagedTool}). */
    static final String PACKAGED_DIR = "/opt/lab/libexec";
    static final String PATH = STANDIN_DIR + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /**
     * Real tools that would change the machine itself (or bypass the journal); the stand-ins also sit at these paths
     * in the host's /usr, so a deployer calling them by absolute path gets the stand-in too.
     */
    static final List<String> OVERLAID_TOOLS = List.of("/usr/sbin/sysctl", "/usr/sbin/swapon", "/usr/sbin/swapoff",
            "/usr/bin/systemctl", "/usr/sbin/setenforce", "/usr/sbin/getenforce", "/usr/sbin/sestatus",
            "/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/usermod", "/usr/sbin/userdel", "/usr/sbin/iptables",
            "/usr/bin/firewall-cmd", "/usr/bin/chronyc", "/usr/bin/ntpstat", "/usr/bin/docker", "/usr/bin/obclient");
    private static final String DROPPED_CAPABILITIES = "-sys_admin,-sys_time,-sys_module,-sys_boot,-sys_rawio,"
            + "-net_admin,-mknod,-sys_ptrace,-syslog,-mac_admin,-mac_override,-wake_alarm,-block_suspend,-audit_control";
    private static final boolean ROOT = "0".equals(uid());
    private static volatile String unavailable;
    private static volatile boolean probed;

    private final String hostname;
    private final String address;
    private final Path root;
    private final Path state;
    private Process holder;

    HostNamespace(String hostname, String address, Path root, Path state) {
        this.hostname = hostname;
        this.address = address;
        this.root = root;
        this.state = state;
    }

    /** Fails with a clear message when this machine cannot give hosts their own filesystem view and sshd. */
    static synchronized void requireAvailable() {
        if (!probed) {
            probed = true;
            unavailable = !ROOT ? "a lab host runs a real OpenSSH sshd in its own namespaces, which needs root"
                    : LabPackages.ensure();
            if (unavailable == null) {
                unavailable = probeNamespaces();
            }
        }
        if (unavailable != null) {
            throw new IllegalStateException("lab hosts need an isolated filesystem view (Linux mount namespaces via "
                    + "util-linux unshare/nsenter/setpriv, plus bash and base64) and a real OpenSSH server, so that "
                    + "nothing a deployer sends changes this machine, and it is not available here: " + unavailable);
        }
    }

    private static String probeNamespaces() {
        List<String> probe = new ArrayList<>(unshare());
        probe.addAll(List.of("--", "/bin/sh", "-c", "command -v nsenter >/dev/null && command -v setpriv >/dev/null"
                + " && command -v chroot >/dev/null && command -v bash >/dev/null && command -v base64 >/dev/null"
                + " && command -v ip >/dev/null && ip link set lo up"));
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? null : String.join(" ", probe) + " failed" + (out.isEmpty() ? "" : ": " + out);
        } catch (IOException e) {
            return "cannot run unshare: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing unshare";
        }
    }

    /** Starts the namespace and plugs it into {@code bridge} with the host's address in {@code block}. */
    synchronized void start(LabBridge bridge, int block) {
        if (holder != null && holder.isAlive()) {
            return;
        }
        Path script = state.resolve("enter.sh");
        try {
            Files.writeString(script, setupScript());
            List<String> command = new ArrayList<>(unshare());
            command.addAll(List.of("--", "/bin/sh", script.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String failure = awaitLine(out, "ready");
            if (failure == null) {
                bridge.attach(address, p.pid());
                List<String> network = new ArrayList<>(List.of(address + "/24"));
                network.addAll(bridge.routesBeside(block));
                p.getOutputStream().write((String.join(" ", network) + "\n").getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().flush();
                failure = awaitLine(out, "network ready");
            }
            if (failure != null) {
                p.destroyForcibly();
                throw new IllegalStateException("cannot set up the namespaces of " + hostname + ": " + failure.trim());
            }
            holder = p;
            HostNetworks.register(address, p.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the namespace of " + hostname, e);
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot start the namespace of " + hostname + ": " + e, e);
        }
    }

    /** Reads the holder's output up to {@code line}: null, or what it printed instead. */
    private static String awaitLine(BufferedReader out, String line) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String l; (l = out.readLine()) != null; ) {
                    if (l.equals(line)) {
                        return null;
                    }
                    seen.append(l).append('\n');
                }
            } catch (IOException e) {
                seen.append(e.getMessage());
            }
            return seen.length() == 0 ? "the namespace's holder ended" : seen.toString();
        }).get(20, TimeUnit.SECONDS);
    }

    /**
     * The argv that runs {@code argv} inside the host, from its {@code /}. The holder's working directory is the host
     * root as mounted in its namespace; {@code /proc/<pid>/cwd} reaches exactly that mount, so nsenter can make it the
     * root without a chroot process. The host's sshd is started this way, and everything it runs inherits the view
     * and the reduced capability bounding set.
     */
    List<String> command(List<String> argv) {
        List<String> command = enter();
        String cwd = "/proc/" + holderPid() + "/cwd";
        command.addAll(List.of("--root=" + cwd, "--wd=" + cwd, "setpriv", "--bounding-set=" + DROPPED_CAPABILITIES));
        command.addAll(argv);
        return command;
    }

    private synchronized long holderPid() {
        return holder.pid();
    }

    /** Binds a per-host file over a path of the host's view (e.g. /proc/meminfo for the low-memory fault). */
    void bind(Path source, String insidePath) {
        run(List.of("mount", "--bind", source.toString(), root + insidePath));
    }

    void unbind(String insidePath) {
        run(List.of("umount", root + insidePath));
    }

    private void run(List<String> mountCommand) {
        List<String> argv = enter();
        argv.addAll(mountCommand);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", mountCommand) + " in " + hostname + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized List<String> enter() {
        if (holder == null || !holder.isAlive()) {
            throw new IllegalStateException("the namespace of " + hostname + " is not running");
        }
        return new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder.pid()), "-n", "-m", "-u"));
    }

    @Override
    public synchronized void close() {
        HostNetworks.unregister(address);
        if (holder != null) {
            try {
                holder.getOutputStream().close(); // the holder's `read` sees EOF and exits
                if (!holder.waitFor(2, TimeUnit.SECONDS)) {
                    holder.destroyForcibly();
                }
            } catch (IOException e) {
                holder.destroyForcibly();
            } catch (InterruptedException e) {
                holder.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            holder = null;
        }
    }

    /**
     * One {@code mount -a} over a generated fstab does every mount in a single process: spawning a process costs far
     * more than the mounts themselves, and 50 hosts start at once. The real {@code /usr} comes through a read-only
     * overlay whose upper layer holds the stand-ins at the real tools' paths.
     */
    private String setupScript() throws IOException {
        String h = root.toString();
        StringBuilder fstab = new StringBuilder();
        fstab.append(h).append(' ').append(h).append(" none bind 0 0\n");
        Path overlay = state.resolve("usr-overlay");
        fstab.append("overlay ").append(h).append("/usr overlay lowerdir=").append(overlay).append(":/usr 0 0\n");
        for (String dir : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
            Path real = Path.of("/" + dir);
            if (Files.isDirectory(real) && !Files.isSymbolicLink(real)) { // a system without the merged /usr
                Files.createDirectories(root.resolve(dir));
                fstab.append(real).append(' ').append(h).append('/').append(dir).append(" none bind,ro 0 0\n");
            }
        }
        for (String device : HostSeed.DEVICES) {
            fstab.append("/dev/").append(device).append(' ').append(h).append("/dev/").append(device).append(" none bind 0 0\n");
        }
        for (String shared : HostSeed.SHARED_ETC) {
            if (Files.exists(Path.of("/etc").resolve(shared))) {
                fstab.append("/etc/").append(shared).append(' ').append(h).append("/etc/").append(shared).append(" none bind,ro 0 0\n");
            }
        }
        fstab.append("/proc ").append(h).append("/proc none bind,ro 0 0\n");
        fstab.append(state.resolve("proc-sys")).append(' ').append(h).append("/proc/sys none bind 0 0\n");
        fstab.append(state.resolve("meminfo")).append(' ').append(h).append("/proc/meminfo none bind 0 0\n");
        fstab.append(state.resolve("swaps")).append(' ').append(h).append("/proc/swaps none bind 0 0\n");
        fstab.append("/sys ").append(h).append("/sys none bind,ro 0 0\n");
        if (Files.isDirectory(Path.of("/sys/kernel/mm/transparent_hugepage"))) {
            fstab.append(state.resolve("transparent_hugepage")).append(' ').append(h)
                    .append("/sys/kernel/mm/transparent_hugepage none bind 0 0\n");
        }
        Files.writeString(state.resolve("fstab"), fstab.toString());
        return """
                set -e
                echo %s > /proc/sys/kernel/hostname
                mount --all --fstab %s
                ip link set lo up
                cd %s
                echo ready
                read address routes
                ip addr add "$address" dev eth0
                ip link set eth0 up
                for route in $routes; do ip route add "$route" dev eth0; done
                echo network ready
                read x
                """.formatted(quote(hostname), quote(state.resolve("fstab").toString()), quote(h));
    }

    private static List<String> unshare() {
        return List.of("unshare", "--net", "--mount", "--uts", "--propagation", "private");
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String uid() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
