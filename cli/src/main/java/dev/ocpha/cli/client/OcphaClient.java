package dev.ocpha.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The services' HTTP APIs for every command: bearer token, JSON in and out, problem+json turned into
 * {@link ApiException} (the URL and the service named), no answer into {@link ServiceUnreachableException}.
 * The token is sent, never logged or put into a message.
 */
public final class OcphaClient {

    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** {@code token} may be null: the services then answer 401, which is shown like any other problem. */
    public OcphaClient(String token) {
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean hasToken() {
        return token != null;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public <T> T get(Service service, String path, Class<T> type) {
        return read(exchange(service, "GET", path, null, null, null), type);
    }

    public <T> T post(Service service, String path, Object body, Class<T> type) {
        return read(exchange(service, "POST", path, body == null ? null : json(body), JSON, null), type);
    }

    /** POSTs {@code body} as it is (a topology file), with an {@code Idempotency-Key} when not null. */
    public <T> T postRaw(Service service, String path, byte[] body, String contentType, String idempotencyKey,
                         Class<T> type) {
        return read(exchange(service, "POST", path, body, contentType, idempotencyKey), type);
    }

    /** DELETE; the body read as {@code type}, or empty for 204. */
    public <T> Optional<T> delete(Service service, String path, Class<T> type) {
        String body = exchange(service, "DELETE", path, null, null, null);
        return body.isBlank() ? Optional.empty() : Optional.of(read(body, type));
    }

    /**
     * Opens {@code text/event-stream} at {@code path}, after {@code lastEventId} when not null. The caller reads
     * and closes the body; an error status is thrown as for any other call.
     */
    public InputStream events(Service service, String path, String lastEventId) {
        URI url = service.resolve(path);
        HttpRequest.Builder request = request(url).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = send(service, "GET", url, request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw error(service, "GET", url, response.statusCode(), response.headers(), body);
        }
        return response.body();
    }

    private String exchange(Service service, String method, String path, byte[] body, String contentType,
                            String idempotencyKey) {
        URI url = service.resolve(path);
        HttpRequest.Builder request = request(url).timeout(REQUEST_TIMEOUT).header("Accept", JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(service, method, url, request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 400) {
            throw error(service, method, url, response.statusCode(), response.headers(), response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(URI url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private <B> HttpResponse<B> send(Service service, String method, URI url, HttpRequest request,
                                     HttpResponse.BodyHandler<B> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ServiceUnreachableException(service, url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException(service, url, new IOException("interrupted during " + method));
        }
    }

    private ApiException error(Service service, String method, URI url, int status,
                               HttpHeaders headers, String body) {
        Problem problem = null;
        String type = headers.firstValue("Content-Type").orElse("");
        if (type.contains("json") && body != null && !body.isBlank()) {
            try {
                problem = mapper.readValue(body, Problem.class);
            } catch (JsonProcessingException e) {
                problem = null;
            }
        }
        return new ApiException(service, method, url, status, problem, body);
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unexpected answer, not " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
