package dev.ocpha.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The four services as separate processes, pointed at one broker, one database and a lab fleet. */
public final class LocalStack implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final List<ServiceProcess> all = new ArrayList<>();
    private volatile ServiceProcess planner;
    private volatile ServiceProcess checker;
    private volatile ServiceProcess registry;
    private final List<ServiceProcess> executors = new ArrayList<>();

    private LocalStack(Path projectRoot, ServiceProcess.Infrastructure infrastructure, Path serviceSettings,
                       String apiToken, int executorCount, Ports ports, Path logDir) {
        // passwords and key paths reach the services in a file of theirs, never on a command line
        Map<String, String> settings = Map.of("quarkus.config.locations", serviceSettings.toUri().toString());
        // one admin token for every service of the stack (docs/security.md)
        Map<String, String> token = Map.of("OCPHA_AUTH_BOOTSTRAP_TOKEN", apiToken);
        planner = add(ServiceProcess.start(projectRoot, "planner-service", "planner-service", ports.planner(),
                infrastructure, Map.of(), token, logDir));
        checker = add(ServiceProcess.start(projectRoot, "checker-service", "checker-service", ports.checker(),
                infrastructure, settings, token, logDir));
        registry = add(ServiceProcess.start(projectRoot, "registry-service", "registry-service", ports.registry(),
                infrastructure, Map.of(), token, logDir));
        for (int i = 0; i < executorCount; i++) {
            executors.add(add(startExecutor(projectRoot, infrastructure, settings, token, i + 1, ports.executor(i),
                    logDir)));
        }
    }

    private static ServiceProcess startExecutor(Path projectRoot, ServiceProcess.Infrastructure infrastructure,
                                                Map<String, String> settings, Map<String, String> environment,
                                                int number, int port, Path logDir) {
        String id = "executor-" + number;
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("ocpha.executor.id", id);
        return ServiceProcess.start(projectRoot, "executor-service", id, port, infrastructure, properties, environment,
                logDir);
    }

    /**
     * Starts every service and waits until all are ready; on failure, stops what it started. {@code serviceSettings}
     * is the checker's and executors' configuration file (SSH known hosts and keys, secrets, media directory: a lab
     * fleet's {@code services.properties}); {@code apiToken} the admin token of every service.
     */
    public static LocalStack start(Path projectRoot, ServiceProcess.Infrastructure infrastructure, Path serviceSettings,
                                   String apiToken, int executorCount, Ports ports, Path logDir) {
        LocalStack stack = new LocalStack(projectRoot, infrastructure, serviceSettings, apiToken, executorCount, ports,
                logDir);
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

    /**
     * Kills a service with SIGKILL, as a crash would, and starts it again on the same port; returns once it is ready.
     * Its work in flight is whatever its database and the broker kept.
     */
    public synchronized ServiceProcess crashAndRestart(ServiceProcess service) {
        int index = all.indexOf(service);
        if (index < 0) {
            throw new IllegalArgumentException(service.name() + " is not part of this stack");
        }
        service.kill();
        ServiceProcess restarted = service.relaunch();
        all.set(index, restarted);
        if (service == planner) {
            planner = restarted;
        } else if (service == checker) {
            checker = restarted;
        } else if (service == registry) {
            registry = restarted;
        } else {
            executors.set(executors.indexOf(service), restarted);
        }
        return restarted.awaitReady(STARTUP);
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

    public synchronized List<ServiceProcess> executors() {
        return List.copyOf(executors);
    }

    public synchronized List<ServiceProcess> services() {
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
