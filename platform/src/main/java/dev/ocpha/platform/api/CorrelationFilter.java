package dev.ocpha.platform.api;

import dev.ocpha.platform.messaging.Correlation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the caller's {@code X-Correlation-Id} (or makes one), logs with it, and echoes it in the response. */
public class CorrelationFilter {

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String given = request.getHeaderString(Correlation.HTTP_HEADER);
        String correlationId = given != null && given.matches("[A-Za-z0-9._:-]{1,64}") ? given : UUID.randomUUID().toString();
        Correlation.open(correlationId, "http:" + correlationId);
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        String correlationId = Correlation.correlationId();
        if (correlationId != null) {
            response.getHeaders().putSingle(Correlation.HTTP_HEADER, correlationId);
        }
    }
}
