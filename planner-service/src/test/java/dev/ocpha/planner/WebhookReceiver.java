package dev.ocpha.planner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on 127.0.0.1 (random port) that keeps every request it gets and answers with the statuses it
 * was given, in order, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (lower-case names) and body. */
    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers;

    private WebhookReceiver(List<Integer> answers) throws IOException {
        this.answers = new ArrayDeque<>(answers);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            int status;
            synchronized (this.answers) {
                status = this.answers.isEmpty() ? 200 : this.answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers 200 to every request. */
    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver(List.of());
    }

    /** Answers with these statuses first, then 200. */
    static WebhookReceiver answering(Integer... statuses) throws IOException {
        return new WebhookReceiver(List.of(statuses));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> withEventId(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.header("ce-id"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
