package dev.ocpha.devstack;

import dev.ocpha.lab.LabFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The four services as separate processes, pointed at one broker, one database and a lab fleet. */
public final class LocalStack implements AutoCloseable {

    public static final String LAB_CREDENTIAL = "lab";
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final List<ServiceProcess> all = new ArrayList<>();
    private final ServiceProcess planner;
    private final ServiceProcess checker;
    private final ServiceProcess registry;
    private final List<ServiceProcess> executors = new ArrayList<>();

    private LocalStack(Path projectRoot, ServiceProcess.Infrastructure infrastructure, LabFleet fleet,
                       int executorCount, Ports ports, Path logDir) {
        Map<String, String> ssh = Map.of(
                "ocpha.ssh.known-hosts", fleet.knownHosts().toString(),
                "ocpha.ssh.credentials." + LAB_CREDENTIAL, fleet.clientPrivateKey().toString());
        planner = add(ServiceProcess.start(projectRoot, "planner-service", "planner-service", ports.planner(),
                infrastructure, Map.of(), logDir));
        checker = add(ServiceProcess.start(projectRoot, "checker-service", "checker-service", ports.checker(),
                infrastructure, ssh, logDir));
        registry = add(ServiceProcess.start(projectRoot, "registry-service", "registry-service", ports.registry(),
                infrastructure, Map.of(), logDir));
        for (int i = 0; i < executorCount; i++) {
            String id = "executor-" + (i + 1);
            Map<String, String> properties = new java.util.HashMap<>(ssh);
            properties.put("ocpha.executor.id", id);
            executors.add(add(ServiceProcess.start(projectRoot, "executor-service", id, ports.executor(i),
                    infrastructure, properties, logDir)));
        }
    }

    /** Starts every service and waits until all are ready; on failure, stops what it started. */
    public static LocalStack start(Path projectRoot, ServiceProcess.Infrastructure infrastructure, LabFleet fleet,
                                   int executorCount, Ports ports, Path logDir) {
        LocalStack stack = new LocalStack(projectRoot, infrastructure, fleet, executorCount, ports, logDir);
        try {
            CompletableFuture.allOf(stack.all.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(STARTUP)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private ServiceProcess add(ServiceProcess service) {
        all.add(service);
        return service;
    }

    public ServiceProcess planner() {
        return planner;
    }

    public ServiceProcess checker() {
        return checker;
    }

    public ServiceProcess registry() {
        return registry;
    }

    public List<ServiceProcess> executors() {
        return executors;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        CompletableFuture.allOf(all.stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** HTTP ports: fixed ones for people, free ones for tests. Executor i listens on {@code executorBase + i}. */
    public record Ports(int planner, int executorBase, int checker, int registry) {

        public static final Ports DEFAULT = new Ports(8081, 8090, 8083, 8084);

        public int executor(int index) {
            return executorBase == 0 ? freePort() : executorBase + index;
        }

        public static Ports free() {
            return new Ports(freePort(), 0, freePort(), freePort());
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
