package dev.ocpha.ssh;

import dev.ocpha.ssh.RemoteException.Kind;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/** The verifier of one connection attempt under a {@link HostKeyPolicy}; it remembers why it refused a key. */
final class HostKeyChecks {

    private HostKeyChecks() {
    }

    interface Check extends HostKeyVerifier {
        /** Why the key was refused, or null when it was not. */
        RemoteException rejection();
    }

    static Check forTarget(HostKeyPolicy policy, SshTarget target) throws RemoteException {
        if (policy instanceof HostKeyPolicy.KnownHostsFile file) {
            return KnownHostsCheck.load(target, file.file());
        }
        return new PinCheck(target, ((HostKeyPolicy.TrustOnFirstUse) policy).pins());
    }

    static String host(SshTarget target) {
        return target.address() + ":" + target.port();
    }

    static String blob(PublicKey key) {
        return Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    /** OpenSSH's {@code SHA256:…} form, as {@code ssh-keygen -lf} prints it. */
    static String fingerprint(String base64Blob) {
        try {
            return "SHA256:" + Base64.getEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Blob)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RemoteException changed(SshTarget target, String presented, String expected, String where) {
        return new RemoteException(Kind.HOST_KEY_MISMATCH, host(target), "the host key of " + target + " changed: it presents "
                + presented + " but " + where + " holds " + expected + "; refusing to connect (the host was reinstalled,"
                + " or something is in between)");
    }

    /** Trust on first use: the first key seen is pinned; any later difference is refused. */
    private static final class PinCheck implements Check {
        private final SshTarget target;
        private final HostKeyPins pins;
        private volatile RemoteException rejection;

        PinCheck(SshTarget target, HostKeyPins pins) {
            this.target = target;
            this.pins = pins;
        }

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            String presented = blob(key);
            String type = KeyType.fromKey(key).toString();
            PinnedHostKey pinned = pins.find(host(target)).orElseGet(() -> pins.pinIfAbsent(
                    new PinnedHostKey(host(target), type, presented, fingerprint(presented), Instant.now())));
            if (pinned.publicKey().equals(presented)) {
                return true;
            }
            rejection = changed(target, type + " " + fingerprint(presented), pinned.keyType() + " " + pinned.fingerprint(),
                    "the pin taken at first contact on " + pinned.pinnedAt());
            return false;
        }

        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            return pins.find(host(target)).map(pin -> List.of(pin.keyType())).orElse(List.of());
        }

        @Override
        public RemoteException rejection() {
            return rejection;
        }
    }

    /** Keys from a known_hosts file; an unknown host or a changed key is refused. */
    private static final class KnownHostsCheck extends OpenSSHKnownHosts implements Check {
        private final SshTarget target;
        private final Path file;
        private volatile RemoteException rejection;

        private KnownHostsCheck(SshTarget target, Path file, Reader knownHosts) throws IOException {
            super(knownHosts);
            this.target = target;
            this.file = file;
        }

        /** Read for every new connection, so an edited known_hosts file applies without a restart. */
        static KnownHostsCheck load(SshTarget target, Path file) throws RemoteException {
            try (Reader reader = Files.exists(file) ? Files.newBufferedReader(file) : Reader.nullReader()) {
                return new KnownHostsCheck(target, file, reader);
            } catch (IOException e) {
                throw new RemoteException(Kind.HOST_KEY_UNKNOWN, host(target),
                        "cannot read the known_hosts file " + file + " to verify " + target, e);
            }
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
            rejection = new RemoteException(Kind.HOST_KEY_UNKNOWN, host(target), "the host key of " + target + " ("
                    + fingerprint(blob(key)) + ") is not in the known_hosts file " + file + "; refusing to connect");
            return false;
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            KeyType type = KeyType.fromKey(key);
            String expected = known(type, hostname).map(HostKeyChecks::fingerprint).orElse("another key");
            rejection = changed(target, type + " " + fingerprint(blob(key)), type + " " + expected, "the known_hosts file " + file);
            return false;
        }

        private Optional<String> known(KeyType type, String hostname) {
            for (KnownHostEntry entry : entries()) {
                try {
                    if (entry.appliesTo(type, hostname)) {
                        // [@marker] hosts keytype base64 [comment]
                        String[] fields = entry.getLine().trim().split("\\s+");
                        int key = fields[0].startsWith("@") ? 3 : 2;
                        return key < fields.length ? Optional.of(fields[key]) : Optional.empty();
                    }
                } catch (IOException e) {
                    // an unreadable entry: look at the next one
                }
            }
            return Optional.empty();
        }

        @Override
        public RemoteException rejection() {
            return rejection;
        }
    }
}
