package dev.ocpha.platform.security;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/** API authentication of a service (docs/security.md). */
@ConfigMapping(prefix = "ocpha.auth")
public interface AuthConfig {

    /**
     * An admin token accepted as configured (e.g. the same for every service of one installation). Without it, and
     * with no token stored yet, the service generates one at first start and logs it once.
     */
    Optional<String> bootstrapToken();

    /** Tokens given by configuration as their SHA-256 only: {@code ocpha.auth.tokens."<name>".sha256/.role}. */
    Map<String, ConfiguredToken> tokens();

    interface ConfiguredToken {
        /** Hex SHA-256 of the token ({@code printf %s "$TOKEN" | sha256sum}). */
        String sha256();

        String role();
    }
}
