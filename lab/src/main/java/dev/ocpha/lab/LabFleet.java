package dev.ocpha.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocpha.lab.standins.LabServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * N real SSH hosts on a loopback block of their own (127.0.K.1…, K from 10 upward, held with a file lock for the
 * fleet's life), all trusting one client key, each with its own filesystem view and stand-ins (docs/lab.md).
 * Writes {@code known_hosts} and {@code inventory.json} into its directory, which keeps keys and host state across
 * restarts.
 */
public final class LabFleet implements AutoCloseable {
    public static final int DEFAULT_SSH_PORT = 22;
    public static final int MAX_HOSTS = 2540;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Builder options;
    private final List<LabHost> hosts = new ArrayList<>();
    private AddressBlocks blocks;
    private LabBridge bridge;
    private LabServices services;

    private LabFleet(Path dir, Builder options) {
        this.dir = dir;
        this.options = options;
    }

    public static LabFleet start(Path dir, int hosts) {
        return builder(dir).hosts(hosts).start();
    }

    /** {@code sshPort} 0 is the default, 22: every host has its own address and network namespace. */
    public static LabFleet start(Path dir, int hosts, int sshPort) {
        return builder(dir).hosts(hosts).sshPort(sshPort).start();
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** Fleet options; {@link #start()} validates them and names the wrong one. */
    public static final class Builder {
        private final Path dir;
        private int hosts = 1;
        private int azs;
        private int idcs = 1;
        private int regions = 1;
        private int sshPort = DEFAULT_SSH_PORT;
        private Duration ocpStartDelay = Duration.ofMillis(1500);

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder hosts(int hosts) {
            this.hosts = hosts;
            return this;
        }

        /** Availability zones (0: not a multi-AZ fleet); hosts are spread over them round-robin. */
        public Builder azs(int azs) {
            this.azs = azs;
            return this;
        }

        /** IDCs, spread evenly over the AZs (a multiple of the AZ count). */
        public Builder idcs(int idcs) {
            this.idcs = idcs;
            return this;
        }

        /** Regions, each holding a contiguous share of the IDCs. */
        public Builder regions(int regions) {
            this.regions = regions;
            return this;
        }

        /** SSH port of every host (default and 0: 22). */
        public Builder sshPort(int sshPort) {
            this.sshPort = sshPort;
            return this;
        }

        /** How long an OCP container takes from {@code docker run}/restart to answering HTTP (default 1.5 s). */
        public Builder ocpStartDelay(Duration delay) {
            this.ocpStartDelay = delay;
            return this;
        }

        public LabFleet start() {
            validate();
            return LabFleet.launch(this);
        }

        private void validate() {
            if (hosts < 1 || hosts > MAX_HOSTS) {
                throw new IllegalArgumentException("hosts: a fleet has 1 to " + MAX_HOSTS + " hosts, not " + hosts);
            }
            if (azs < 0 || azs > hosts) {
                throw new IllegalArgumentException("azs: 0 (no multi-AZ) to the host count " + hosts + ", not " + azs);
            }
            if (idcs < Math.max(1, azs) || idcs > hosts) {
                throw new IllegalArgumentException("idcs: at least " + Math.max(1, azs) + " (one per AZ) and at most the "
                        + "host count " + hosts + ", not " + idcs);
            }
            if (azs > 0 && idcs % azs != 0) {
                throw new IllegalArgumentException("idcs: " + idcs + " IDCs cannot be spread evenly over " + azs
                        + " AZs; use a multiple of " + azs);
            }
            if (regions < 1 || regions > idcs) {
                throw new IllegalArgumentException("regions: 1 to the IDC count " + idcs + ", not " + regions);
            }
            if (sshPort < 0 || sshPort > 65535) {
                throw new IllegalArgumentException("sshPort: 0 to 65535, not " + sshPort);
            }
            if (ocpStartDelay.isNegative()) {
                throw new IllegalArgumentException("ocpStartDelay cannot be negative: " + ocpStartDelay);
            }
        }
    }

    private static LabFleet launch(Builder options) {
        HostNamespace.requireAvailable();
        LabFleet fleet = new LabFleet(options.dir, options);
        try {
            Files.createDirectories(options.dir);
            fleet.blocks = AddressBlocks.acquire(options.hosts);
            fleet.bridge = LabBridge.create(fleet.blocks.blocks());
            fleet.services = new LabServices(Files.createDirectories(options.dir.resolve("state")), options.ocpStartDelay);
            Path clientKey = options.dir.resolve("client").resolve("id_ecdsa");
            LabKeys.ensure(clientKey, "lab-client");
            String client = LabKeys.publicLine(clientKey);
            List<Callable<LabHost>> creations = new ArrayList<>();
            for (int i = 0; i < options.hosts; i++) {
                int index = i;
                String name = "host-" + (i + 1);
                creations.add(() -> new LabHost(fleet.services, fleet.bridge, fleet.blocks.blockOf(index), name,
                        fleet.blocks.address(index), options.sshPort,
                        labels(options, index), options.dir.resolve("hosts").resolve(name), client));
            }
            fleet.hosts.addAll(inParallel(creations));
            inParallel(fleet.hosts.stream().<Callable<LabHost>>map(h -> () -> {
                h.start();
                return h;
            }).toList());
            fleet.writeKnownHosts();
            fleet.writeInventory();
            return fleet;
        } catch (IOException e) {
            fleet.closeAfterFailure(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            fleet.closeAfterFailure(e);
            throw e;
        }
    }

    /**
     * Hosts are created and started in parallel, one worker per core: starting a host is mostly process start-up and
     * mount work in the kernel, which more threads than cores only slow down.
     */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) {
        int threads = Math.min(Math.max(2, Runtime.getRuntime().availableProcessors()), tasks.size());
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads("lab-start-"));
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : workers.invokeAll(tasks)) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fleet", e);
        } finally {
            workers.shutdown();
        }
    }

    static LabHost.Labels labels(Builder o, int index) {
        int idc;
        String az = null;
        if (o.azs > 0) {
            int zone = index % o.azs;
            int perAz = o.idcs / o.azs;
            idc = zone * perAz + (index / o.azs) % perAz;
            az = "az" + (zone + 1);
        } else {
            idc = index % o.idcs;
        }
        int region = idc * o.regions / o.idcs;
        return new LabHost.Labels("r" + (region + 1), "idc" + (idc + 1), az);
    }

    public List<LabHost> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public LabHost host(int index) {
        return hosts.get(index);
    }

    /** The host named {@code host-N} (or by address). */
    public LabHost host(String nameOrAddress) {
        return hosts.stream().filter(h -> h.name().equals(nameOrAddress) || h.address().equals(nameOrAddress))
                .findFirst().orElseThrow(() -> new NoSuchElementException("no lab host named " + nameOrAddress
                        + "; the fleet has " + hosts.stream().map(LabHost::name).toList()));
    }

    public Path dir() {
        return dir;
    }

    /** The fleet-level services of the stand-ins (control server, MetaDB registry). */
    public LabServices services() {
        return services;
    }

    /** The address blocks this fleet holds, e.g. [10] for 198.18.10.0/24. */
    public List<Integer> addressBlocks() {
        return blocks.blocks();
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

    public int azs() {
        return options.azs;
    }

    public int idcs() {
        return options.idcs;
    }

    public int regions() {
        return options.regions;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (LabHost host : hosts) {
            try {
                host.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (services != null) {
            services.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (blocks != null) {
            blocks.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeAfterFailure(Exception cause) {
        try {
            close();
        } catch (RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /** known_hosts with every host's current key, in OpenSSH format ({@code address key}, {@code [address]:port key}). */
    public void writeKnownHosts() {
        write(knownHosts(), hosts.stream()
                .map(h -> h.knownHostsName() + " " + h.hostPublicKey() + "\n")
                .collect(Collectors.joining()));
    }

    private void writeInventory() {
        ArrayNode list = JSON.createArrayNode();
        for (LabHost h : hosts) {
            ObjectNode node = list.addObject().put("name", h.name()).put("hostname", h.hostname())
                    .put("address", h.address()).put("sshPort", h.sshPort()).put("user", "root")
                    .put("region", h.region()).put("idc", h.idc());
            if (h.az() != null) {
                node.put("az", h.az());
            }
        }
        try {
            write(inventory(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
