package dev.ocpha.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 standing in for one service: canned answers per {@code METHOD /path} (query
 * ignored for the match), every request recorded. Unrouted requests get a problem+json 404 as the services send.
 */
final class FakeService implements AutoCloseable {

    static final String PROBLEM = "application/problem+json";

    record Request(String method, URI uri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Handler handler = routes.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (handler == null) {
                send(exchange, 404, PROBLEM, """
                        {"type":"about:blank","title":"Not Found","status":404,"detail":"No route %s."}"""
                        .formatted(exchange.getRequestURI().getPath()));
                return;
            }
            handler.handle(exchange);
        });
        server.start();
    }

    FakeService route(String methodAndPath, Handler handler) {
        routes.put(methodAndPath, handler);
        return this;
    }

    FakeService json(String methodAndPath, int status, String body) {
        return route(methodAndPath, exchange -> send(exchange, status, "application/json", body));
    }

    FakeService problem(String methodAndPath, int status, String body) {
        return route(methodAndPath, exchange -> send(exchange, status, PROBLEM, body));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.uri().getPath().equals(path)).toList();
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static String resource(String name) {
        try (InputStream in = FakeService.class.getResourceAsStream("/api/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
