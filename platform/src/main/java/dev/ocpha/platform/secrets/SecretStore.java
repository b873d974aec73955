package dev.ocpha.platform.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets by reference, from this service's own configuration: {@code ocpha.secrets."<ref>"=<value>} in a file
 * given with {@code quarkus.config.locations}, or as system properties. Events and plans carry only the references;
 * a service that needs the value resolves it here, and never logs or publishes it.
 */
@ConfigMapping(prefix = "ocpha.secrets")
public interface SecretStore {

    /** The secret values by reference. */
    @WithParentName
    Map<String, String> values();

    default Optional<String> find(String ref) {
        return ref == null ? Optional.empty() : Optional.ofNullable(values().get(ref));
    }

    /** @throws UnknownSecretException naming the reference (never a value) when it is not configured */
    default String resolve(String ref) {
        return find(ref).orElseThrow(() -> new UnknownSecretException(ref));
    }

    final class UnknownSecretException extends RuntimeException {
        public UnknownSecretException(String ref) {
            super("no secret is configured for reference '" + ref + "' (set ocpha.secrets.\"" + ref + "\")");
        }
    }
}
