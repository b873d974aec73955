package dev.ocpha.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A presented API token, before it is known whose it is. */
public final class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
