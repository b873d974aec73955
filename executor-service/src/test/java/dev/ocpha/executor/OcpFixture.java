package dev.ocpha.executor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OCP's REST surface that the steps call (ocp-facts §11: {@code /api/status}, the system parameters), on loopback,
 * with HTTP Basic for admin. It plays OCP until the lab's OCP stand-in serves the same; tests script its answers.
 */
public final class OcpFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new ArrayList<>();
    private final String adminPassword;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failingPuts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile String status = "okay";
    private volatile long delayMillis;
    private volatile int awaitedConcurrency;
    private volatile long awaitNanos;

    public OcpFixture(String adminPassword) throws IOException {
        this(adminPassword, 0, "127.0.0.1");
    }

    /** One OCP answering on {@code port} of each address (the nodes of an AZ, say); port 0 takes a free one. */
    public OcpFixture(String adminPassword, int port, String... addresses) throws IOException {
        this.adminPassword = adminPassword;
        for (String address : addresses) {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
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

    /** The next {@code count} PUTs answer 503, as an OCP that is still starting does. */
    public OcpFixture failNextPuts(int count) {
        failingPuts.set(count);
        return this;
    }

    public Map<String, String> parameters() {
        return parameters;
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
            } else if (path.equals("/api/v2/config/systemParameters") && exchange.getRequestMethod().equals("GET")) {
                ObjectNode body = JSON.createObjectNode();
                ArrayNode contents = body.putObject("data").putArray("contents");
                parameters.forEach((name, value) -> contents.addObject().put("name", name).put("value", value));
                send(exchange, 200, body.toString());
            } else if (path.startsWith("/api/v2/config/systemParameters/") && exchange.getRequestMethod().equals("PUT")) {
                if (failingPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    send(exchange, 503, "{\"successful\":false,\"error\":{\"message\":\"starting\"}}");
                    return;
                }
                String name = path.substring("/api/v2/config/systemParameters/".length());
                parameters.put(name, JSON.readTree(exchange.getRequestBody()).path("value").asText());
                send(exchange, 200, "{\"successful\":true,\"data\":{\"name\":\"" + name + "\"}}");
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
