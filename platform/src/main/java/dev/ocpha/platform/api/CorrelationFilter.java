package dev.ocpha.platform.api;

import dev.ocpha.platform.messaging.Correlation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one) for the request's log lines and events, and echoes it
 * in the response. Not pre-matching, so it runs on the thread of the resource method.
 */
public class CorrelationFilter {

    private static final String SCOPE = CorrelationFilter.class.getName();

    @ServerRequestFilter
    public void onRequest(ContainerRequestContext request) {
        String given = request.getHeaderString(Correlation.HTTP_HEADER);
        String correlationId = given != null && given.matches("[A-Za-z0-9._:-]{1,64}") ? given
                : UUID.randomUUID().toString();
        request.setProperty(SCOPE, Correlation.open(correlationId, "http:" + correlationId));
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        String correlationId = Correlation.correlationId();
        if (correlationId != null) {
            response.getHeaders().putSingle(Correlation.HTTP_HEADER, correlationId);
        }
        if (request.getProperty(SCOPE) instanceof Correlation.Scope scope) {
            scope.close();
        }
    }
}
