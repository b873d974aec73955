package dev.ocpha.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real HTTP client against a lab host's OCP. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    static HttpResponse<String> get(String url, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), password);
    }

    static HttpResponse<String> put(String url, String password, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), password);
    }

    static HttpResponse<String> postForm(String url, String password, java.util.Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), password);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String password) throws Exception {
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until {@code url} answers (OCP starts after a delay); fails after {@code seconds}. */
    static HttpResponse<String> await(String url, String password, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return get(url, password);
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError(url + " did not answer within " + seconds + " s", last);
    }
}
