package dev.ocpha.ssh;

import java.nio.file.Path;

/**
 * How host keys are verified; never by accepting whatever a host presents. A known_hosts file is the stronger
 * choice (keys come from a trusted channel); trust on first use pins what a host shows the first time, which
 * protects every later connection but not the first one.
 */
public sealed interface HostKeyPolicy {

    /** Keys from an OpenSSH known_hosts file, re-read for every new connection; an unknown host is refused. */
    record KnownHostsFile(Path file) implements HostKeyPolicy {
    }

    /** The key a host presents first is pinned in {@code pins}; a different key later is refused. */
    record TrustOnFirstUse(HostKeyPins pins) implements HostKeyPolicy {
    }
}
