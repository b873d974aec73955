package dev.ocpha.ssh;

import java.nio.file.Path;

/** How to log in to a host; resolved from a credential reference, never carried in an event. */
public sealed interface Credential permits Credential.PrivateKeyFile {

    /** An unencrypted private key file in a format sshj reads (OpenSSH, PEM, PuTTY). */
    record PrivateKeyFile(Path path) implements Credential {
    }
}
