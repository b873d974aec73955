package dev.ocpha.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies above {@code quarkus.http.limits.max-body-size} get 413 problem+json, whether they announce their length
 * or arrive chunked. Quarkus' own limit answers an empty 413 (and, for a chunked body, fails inside the resource);
 * Vert.x's body handler, placed just before it, fails the route with 413 instead, and the failure handler here
 * answers it as a problem. The rest of the body is then read and dropped for at most {@link #DRAIN} before the
 * connection closes: closing on a client still sending makes its TCP stack drop the answer unread.
 */
@ApplicationScoped
public class BodyLimit {

    static final Duration DRAIN = Duration.ofSeconds(10);

    private final long limit;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                     ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(BodyHandler.create(false).setBodyLimit(limit))
                .handler(BodyLimit::emptyWhenNoData)
                .failureHandler(this::tooLarge);
    }

    /**
     * A chunked request without data leaves no body, and Quarkus REST would then wait to read the request the body
     * handler has already read: it gets an empty one instead.
     */
    private static void emptyWhenNoData(RoutingContext context) {
        if (context.body().buffer() == null) {
            context.setBody(Buffer.buffer());
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        if (context.statusCode() != Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()
                || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = ProblemResponses.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + limit + " bytes.", List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem cannot be written as JSON", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(body);
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long deadline = context.vertx().setTimer(DRAIN.toMillis(), expired -> request.connection().close());
        request.handler(dropped -> { })
                .endHandler(ended -> {
                    context.vertx().cancelTimer(deadline);
                    request.connection().close();
                })
                .resume();
    }
}
