package dev.ocpha.planner.config;

import dev.ocpha.planner.persistence.ApiTokenEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The API's bearer token: the configured one, or one generated at first start. A generated token is printed to the
 * log once and only its SHA-256 hash is kept, so it cannot be read back from the database.
 */
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> configured;
    private volatile byte[] expectedHash;

    public ApiTokens(PlannerConfig config) {
        this.configured = config.apiToken().filter(token -> !token.isBlank());
    }

    void onStart(@Observes StartupEvent start) {
        if (configured.isPresent()) {
            expectedHash = hash(configured.get());
            return;
        }
        generateIfAbsent().ifPresent(token -> LOG.warnf("No ocpha.planner.api-token is configured; generated the API "
                + "token %s . It is shown only this once: keep it, or configure ocpha.planner.api-token.", token));
    }

    /** Generates and stores a token when none is stored yet; returns it only when it was generated now. */
    public Optional<String> generateIfAbsent() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiTokenEntity stored = ApiTokenEntity.findById(ApiTokenEntity.THE_TOKEN);
            if (stored != null) {
                useIfNoneConfigured(HexFormat.of().parseHex(stored.tokenHash));
                return Optional.<String>empty();
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ApiTokenEntity entity = new ApiTokenEntity();
            entity.id = ApiTokenEntity.THE_TOKEN;
            entity.tokenHash = HexFormat.of().formatHex(hash(token));
            entity.createdAt = OffsetDateTime.now();
            entity.persist();
            useIfNoneConfigured(hash(token));
            return Optional.of(token);
        });
    }

    private void useIfNoneConfigured(byte[] tokenHash) {
        if (configured.isEmpty()) {
            expectedHash = tokenHash;
        }
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    public boolean accepts(String presented) {
        byte[] expected = expectedHash;
        return presented != null && expected != null && MessageDigest.isEqual(expected, hash(presented));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
