package dev.ocpha.planner.api;

import dev.ocpha.planner.config.ApiTokens;
import dev.ocpha.platform.api.ProblemResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Bearer-token authentication of the deployment and webhook API; health, metrics and OpenAPI stay open. */
public class ApiAuthFilter {

    private static final String BEARER = "Bearer ";
    private static final List<String> PROTECTED = List.of("/deployments", "/webhooks");

    private final ApiTokens tokens;

    public ApiAuthFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (PROTECTED.stream().noneMatch(root -> path.equals(root) || path.startsWith(root + "/"))) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        if (tokens.accepts(token)) {
            return null;
        }
        Response problem = ProblemResponses.of(Response.Status.UNAUTHORIZED, token == null
                ? "Send the API token as 'Authorization: Bearer <token>'." : "The API token is not valid.");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
