package dev.ocpha.ssh;

import java.time.Instant;

/**
 * A host's public key as first seen: {@code publicKey} is the base64 SSH wire blob (the second field of a
 * known_hosts line), {@code fingerprint} its OpenSSH SHA256 form.
 */
public record PinnedHostKey(String host, String keyType, String publicKey, String fingerprint, Instant pinnedAt) {
}
