package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * N real SSH hosts on loopback addresses, host i on 127.0.10.(i+1), all trusting one client key.
 * Writes {@code known_hosts} and {@code inventory.json} into its directory, which keeps keys across restarts.
 */
public final class LabFleet implements AutoCloseable {
    public static final int DEFAULT_SSH_PORT = 2222;

    private final Path dir;
    private final List<LabHost> hosts = new ArrayList<>();
    private final ExecutorService pumps = Executors.newCachedThreadPool(daemonThreads());

    private LabFleet(Path dir) {
        this.dir = dir;
    }

    public static LabFleet start(Path dir, int hosts) {
        return start(dir, hosts, DEFAULT_SSH_PORT);
    }

    /** {@code sshPort} 0 gives every host a free port of its own, for fleets that must not collide with others. */
    public static LabFleet start(Path dir, int hosts, int sshPort) {
        if (hosts < 1 || hosts > 254 * 10) {
            throw new IllegalArgumentException("a fleet has 1 to 2540 hosts, not " + hosts);
        }
        KeyPair client = LabKeys.loadOrCreate(dir.resolve("client").resolve("id_ecdsa"), "lab-client");
        boolean ownAddresses = canBind("127.0.10.1");
        LabFleet fleet = new LabFleet(dir);
        try {
            for (int i = 0; i < hosts; i++) {
                String address = ownAddresses ? "127.0." + (10 + i / 254) + "." + (i % 254 + 1) : "127.0.0.1";
                int port = ownAddresses || sshPort == 0 ? sshPort : sshPort + i;
                String name = "host-" + (i + 1);
                LabHost host = new LabHost(name, address, port, dir.resolve("hosts").resolve(name),
                        client.getPublic(), fleet.pumps);
                fleet.hosts.add(host);
                host.start();
            }
            fleet.writeKnownHosts();
            fleet.writeInventory();
            return fleet;
        } catch (RuntimeException e) {
            try {
                fleet.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public List<LabHost> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public LabHost host(int index) {
        return hosts.get(index);
    }

    /** OpenSSH-format private key that every host of the fleet accepts for user root. */
    public Path clientPrivateKey() {
        return dir.resolve("client").resolve("id_ecdsa");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public Path inventory() {
        return dir.resolve("inventory.json");
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (LabHost host : hosts) {
            try {
                host.stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        pumps.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    private void writeKnownHosts() {
        write(knownHosts(), hosts.stream()
                .map(h -> hostPattern(h.address(), h.sshPort()) + " " + LabKeys.publicLine(h.hostPublicKey()) + "\n")
                .collect(Collectors.joining()));
    }

    private void writeInventory() {
        write(inventory(), hosts.stream()
                .map(h -> "  {\"name\": \"%s\", \"address\": \"%s\", \"sshPort\": %d, \"user\": \"root\"}"
                        .formatted(h.name(), h.address(), h.sshPort()))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n")));
    }

    private static String hostPattern(String address, int port) {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux routes all of 127/8 to loopback; other systems may only have 127.0.0.1. */
    private static boolean canBind(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lab-pump-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
