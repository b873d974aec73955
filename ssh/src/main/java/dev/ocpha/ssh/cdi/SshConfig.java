package dev.ocpha.ssh.cdi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** SSH settings of a service that connects to hosts: known hosts, and the key file behind each credential reference. */
@ConfigMapping(prefix = "ocpha.ssh")
public interface SshConfig {

    /**
     * OpenSSH known_hosts file; a host missing from it, or with another key, is refused. When unset, a service that
     * provides a {@link dev.ocpha.ssh.HostKeyPins} bean pins keys at first contact instead.
     */
    Optional<Path> knownHosts();

    /** Private key file per credential reference, e.g. {@code ocpha.ssh.credentials.lab=/keys/id_ed25519}. */
    Map<String, Path> credentials();

    @WithDefault("10s")
    Duration connectTimeout();
}
