package dev.ocpha.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Key pairs kept as OpenSSH files (private key + {@code .pub}), created once and reused.
 * ECDSA P-256: the JDK signs it on its own, so neither side needs an extra crypto provider.
 */
final class LabKeys {
    static final String KEY_TYPE = "ecdsa-sha2-nistp256";

    private LabKeys() {
    }

    static KeyPair loadOrCreate(Path file, String comment) {
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null)
                            .iterator().next();
                }
            }
            KeyPair pair = KeyUtils.generateKeyPair(KEY_TYPE, 256);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
            }
            Files.writeString(file.resolveSibling(file.getFileName() + ".pub"), publicLine(pair.getPublic()) + " " + comment + "\n");
            // the private key appears complete or not at all, so a killed start never leaves half a key
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create key " + file, e);
        }
    }

    /** {@code ecdsa-sha2-nistp256 AAAA…}, as in authorized_keys and known_hosts. */
    static String publicLine(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }
}
