package dev.ocpha.platform.security;

import dev.ocpha.platform.api.ProblemResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem+json; neither is logged as an error (it is the caller's mistake, not the service's). */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("Send an API token as 'Authorization: Bearer <token>'.");
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e) {
        return unauthorized("The API token is not valid.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Response.Status.FORBIDDEN,
                "This token's role may not do this; see the role table in docs/security.md.");
    }

    @ServerExceptionMapper
    public Response nameTaken(AccessTokens.TokenNameTakenException e) {
        return ProblemResponses.of(Response.Status.CONFLICT, e.getMessage());
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemResponses.of(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
