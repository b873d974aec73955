package dev.ocpha.executor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.net.HostNetworks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OCP's documented {@code GET /api/status} that the steps call (oceanbase/ocp-doc@V4.2.2 en-US/1900.reference-guide/
 * 200.api-reference/1700.health-examination/300.query-ocp-application-status.md), on loopback,
 * with HTTP Basic for admin. It plays OCP until the lab's OCP stand-in serves the same; tests script its answers.
 */
public final class OcpFixture implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final String adminPassword;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile String status = "okay";
    private volatile long delayMillis;
    private volatile int awaitedConcurrency;
    private volatile long awaitNanos;

    /** One OCP on a free port of {@code host}, where the steps' probes (curl on the host) reach it. */
    public OcpFixture(String adminPassword, LabHost host) throws IOException {
        this(adminPassword, 0, host.address());
    }

    /** One OCP answering on {@code port} of each address (the nodes of an AZ, say); port 0 takes a free one. */
    public OcpFixture(String adminPassword, int port, String... addresses) throws IOException {
        this.adminPassword = adminPassword;
        for (String address : addresses) {
            // in the lab host's own network namespace, as an OCP on that host listens
            HttpServer server = HostNetworks.inside(address, () -> HttpServer.create(new InetSocketAddress(address, port), 50));
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::handle);
            server.start();
            servers.add(server);
        }
    }

    public String url() {
        InetSocketAddress address = servers.get(0).getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** What {@code /api/status} answers from now on ({@code okay}, {@code bad}, …). */
    public OcpFixture status(String status) {
        this.status = status;
        return this;
    }

    /** Every answer waits this long first. */
    public OcpFixture delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /**
     * Until {@code requests} have been in flight at once, each request waits (at most {@code max}) for the others
     * before it is answered: a caller that can run requests side by side is seen doing so however loaded the
     * machine, and one that cannot keeps {@link #maxConcurrentRequests()} below it.
     */
    public OcpFixture awaitConcurrency(int requests, Duration max) {
        this.awaitNanos = max.toNanos();
        this.awaitedConcurrency = requests;
        return this;
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The most requests it served at once. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            long deadline = System.nanoTime() + awaitNanos;
            while (maxInFlight.get() < awaitedConcurrency && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "Unauthorized");
            } else if (path.equals("/api/status")) {
                send(exchange, 200, status);
            } else {
                send(exchange, 404, "no such endpoint");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
    }
}
