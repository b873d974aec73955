package dev.ocpha.platform.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The service's API tokens: an optional configured bootstrap token, tokens configured by their hash, and tokens
 * created through the admin API, of which only the SHA-256 is stored ({@code access_token}). A token is shown once,
 * when it is created or rotated, and never logged afterwards.
 */
@ApplicationScoped
public class AccessTokens {

    /** Prefix of every token this API issues, so a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "ocpha_";
    public static final String BOOTSTRAP = "bootstrap";
    private static final Logger LOG = Logger.getLogger(AccessTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final Optional<byte[]> bootstrap;
    private final Map<String, AuthConfig.ConfiguredToken> configured;

    public AccessTokens(DataSource dataSource, AuthConfig config) {
        this.dataSource = dataSource;
        this.bootstrap = config.bootstrapToken().filter(t -> !t.isBlank()).map(AccessTokens::hash);
        this.configured = config.tokens();
        configured.forEach((name, token) -> {
            if (Roles.granted(token.role()).isEmpty()) {
                throw new IllegalArgumentException("ocpha.auth.tokens.\"" + name + "\".role must be one of "
                        + Roles.ALL + ", not '" + token.role() + "'");
            }
        });
    }

    /** Who presents this token, if anyone does. */
    public Optional<Caller> identify(String token) {
        byte[] presented = hash(token);
        if (bootstrap.isPresent() && MessageDigest.isEqual(bootstrap.get(), presented)) {
            return Optional.of(new Caller(BOOTSTRAP, Roles.ADMIN));
        }
        String hex = HexFormat.of().formatHex(presented);
        for (Map.Entry<String, AuthConfig.ConfiguredToken> entry : configured.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue().sha256().toLowerCase().getBytes(StandardCharsets.US_ASCII),
                    hex.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new Caller(entry.getKey(), entry.getValue().role()));
            }
        }
        return query("SELECT name, role FROM access_token WHERE token_hash = ?", hex,
                rs -> new Caller(rs.getString(1), rs.getString(2))).stream().findFirst();
    }

    /** A new token for {@code name}; the value is in the result only. */
    public Issued create(String name, String role, String createdBy) {
        if (Roles.granted(role).isEmpty()) {
            throw new IllegalArgumentException("role must be one of " + Roles.ALL + ", not '" + role + "'");
        }
        if (configured.containsKey(name) || BOOTSTRAP.equals(name) && bootstrap.isPresent()) {
            throw new TokenNameTakenException(name);
        }
        String token = newToken();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int inserted = update("""
                INSERT INTO access_token (id, name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING""", id, name, role, HexFormat.of().formatHex(hash(token)),
                Timestamp.from(now.toInstant()), createdBy);
        if (inserted == 0) {
            throw new TokenNameTakenException(name);
        }
        return new Issued(new Token(id, name, role, now, createdBy, null), token);
    }

    /** A new value for the token; the old one stops working at once. Empty when there is no such token. */
    public Optional<Issued> rotate(UUID id) {
        String token = newToken();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (update("UPDATE access_token SET token_hash = ?, rotated_at = ? WHERE id = ?",
                HexFormat.of().formatHex(hash(token)), Timestamp.from(now.toInstant()), id) == 0) {
            return Optional.empty();
        }
        return find(id).map(t -> new Issued(t, token));
    }

    /** Revokes (deletes) the token; false when there was none. */
    public boolean revoke(UUID id) {
        return update("DELETE FROM access_token WHERE id = ?", id) == 1;
    }

    public List<Token> list() {
        return query("SELECT id, name, role, created_at, created_by, rotated_at FROM access_token ORDER BY name", null,
                AccessTokens::token);
    }

    public Optional<Token> find(UUID id) {
        return query("SELECT id, name, role, created_at, created_by, rotated_at FROM access_token WHERE id = ?", id,
                AccessTokens::token).stream().findFirst();
    }

    /** Without a configured bootstrap token and with no token stored, the first start creates one and logs it once. */
    void onStart(@Observes StartupEvent start) {
        if (bootstrap.isPresent() || !configured.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            update("LOCK TABLE access_token IN EXCLUSIVE MODE");
            if (query("SELECT 1 FROM access_token LIMIT 1", null, rs -> 1).isEmpty()) {
                Issued issued = create(BOOTSTRAP, Roles.ADMIN, "first start");
                LOG.warnf("No ocpha.auth.bootstrap-token is configured and no API token exists: created the admin "
                        + "token %s . It is shown only this once: keep it, create the others with it (POST /tokens), "
                        + "or configure ocpha.auth.bootstrap-token.", issued.value());
            }
        });
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Token token(ResultSet rs) throws SQLException {
        Timestamp rotated = rs.getTimestamp(6);
        return new Token(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC), rs.getString(5),
                rotated == null ? null : rotated.toInstant().atOffset(ZoneOffset.UTC));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Object parameter, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setObject(1, parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the API tokens", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the API tokens", e);
        }
    }

    /** Who called: a token's name (or an identity provider's subject) and the role it has. */
    public record Caller(String name, String role) {
    }

    /** A stored token, without its value. */
    public record Token(UUID id, String name, String role, OffsetDateTime createdAt, String createdBy,
                        OffsetDateTime rotatedAt) {
    }

    /** A token and its value, shown this once. */
    public record Issued(Token token, String value) {
    }

    public static final class TokenNameTakenException extends RuntimeException {
        public TokenNameTakenException(String name) {
            super("A token named '" + name + "' exists already; rotate or revoke it, or choose another name.");
        }
    }
}
