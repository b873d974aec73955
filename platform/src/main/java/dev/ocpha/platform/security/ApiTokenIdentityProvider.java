package dev.ocpha.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves an API token to its name and role (with the roles that role includes); an unknown token fails. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    private final AccessTokens tokens;

    public ApiTokenIdentityProvider(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.identify(request.token())
                .map(caller -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(caller.name()))
                        .addRoles(Roles.granted(caller.role()))
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("The API token is not valid.")));
    }
}
