package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * The host's SSH server: Debian's real OpenSSH {@code sshd}, started inside the host's own view
 * ({@link HostNamespace}) with the host's {@code /etc/ssh/sshd_config} and host key, as a real host runs it. Sessions,
 * SFTP ({@code internal-sftp}), authentication and {@code MaxSessions} are OpenSSH's own.
 */
final class HostSshd {
    static final String HOST_KEY = "etc/ssh/ssh_host_ecdsa_key";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final String hostname;
    private final Path root;
    private final Path log;
    private final HostNamespace namespace;
    private Process daemon;

    HostSshd(String hostname, Path root, Path state, HostNamespace namespace) {
        this.hostname = hostname;
        this.root = root;
        this.log = state.resolve("sshd.log");
        this.namespace = namespace;
    }

    /** Writes what a fresh host's OpenSSH has on first boot: its host key and root's authorized key. */
    void seed(String authorizedKey) {
        LabKeys.ensure(root.resolve(HOST_KEY), "root@" + hostname);
        authorize(authorizedKey);
        try {
            Files.createDirectories(root.resolve("run/sshd"));
            Files.createDirectories(root.resolve("var/empty/sshd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Root's authorized_keys: the fleet's client key, or nothing (the authentication-failure fault). */
    void authorize(String authorizedKey) {
        Path ssh = root.resolve("root/.ssh");
        try {
            Files.createDirectories(ssh);
            Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
            Path keys = ssh.resolve("authorized_keys");
            Files.writeString(keys, authorizedKey == null ? "" : authorizedKey + "\n");
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the authorized keys of " + hostname, e);
        }
    }

    /**
     * Every session first runs {@code /etc/ssh/sshrc} (sshd(8) "SSHRC"): the slow-host fault delays each command there,
     * so a client's timeout meets a real, late session. Zero removes it.
     */
    void delayEachSession(Duration delay) {
        Path rc = root.resolve("etc/ssh/sshrc");
        try {
            if (delay.isZero()) {
                Files.deleteIfExists(rc);
            } else {
                Files.writeString(rc, "sleep %d.%03d\n".formatted(delay.toSeconds(), delay.toMillisPart()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean running() {
        return daemon != null && daemon.isAlive();
    }

    /**
     * Starts sshd on {@code address:port} (0: 22, free on every host, each in its own network namespace) and returns
     * the port once it accepts connections.
     */
    int start(String address, int port) {
        int listen = port != 0 ? port : 22;
        try {
            Files.writeString(root.resolve("etc/ssh/sshd_config"), config(address, listen));
            ProcessBuilder builder = new ProcessBuilder(namespace.command(
                    List.of("/usr/sbin/sshd", "-D", "-e", "-f", "/etc/ssh/sshd_config")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            daemon = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sshd of " + hostname, e);
        }
        awaitListening(address, listen);
        return listen;
    }

    /** Stops sshd and every session it runs, so open connections drop as when a host goes down. */
    void stop() {
        Process p = daemon;
        daemon = null;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String config(String address, int port) {
        return """
                # written by the lab for this host; OpenSSH's defaults otherwise
                ListenAddress %s:%d
                HostKey /%s
                PidFile /run/sshd.pid
                UsePAM no
                UseDNS no
                PermitRootLogin prohibit-password
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                AuthorizedKeysFile .ssh/authorized_keys
                PrintMotd no
                Subsystem sftp internal-sftp
                SetEnv PATH=%s
                """.formatted(address, port, HOST_KEY, HostNamespace.PATH);
    }

    private void awaitListening(String address, int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("sshd of " + hostname + " did not listen on " + address + ":" + port
                            + "; its log " + log + " ends: " + tail());
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting sshd of " + hostname, e);
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
