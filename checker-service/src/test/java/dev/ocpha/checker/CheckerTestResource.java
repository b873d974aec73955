package dev.ocpha.checker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The checker's own test settings: a credential whose key no lab host trusts (a real authentication failure),
 * the OCP passwords by reference, and small timeouts so a dead host costs seconds, not a minute.
 */
public class CheckerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String UNTRUSTED_CREDENTIAL = "untrusted";
    public static final String ADMIN_REF = "test-ocp-admin";
    public static final String META_REF = "test-ocp-meta";
    public static final String ADMIN_PASSWORD = "Adm1n_pw#2024";
    public static final String META_PASSWORD = "Meta_pw#2024x";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "ocpha.ssh.credentials." + UNTRUSTED_CREDENTIAL, untrustedKey().toString(),
                "ocpha.secrets.\"" + ADMIN_REF + "\"", ADMIN_PASSWORD,
                "ocpha.secrets.\"" + META_REF + "\"", META_PASSWORD,
                "ocpha.checker.host-timeout", "20s",
                "ocpha.ssh.connect-timeout", "3s");
    }

    private static Path untrustedKey() {
        try {
            Path dir = Files.createTempDirectory("checker-untrusted-key");
            Path key = dir.resolve("id_ecdsa");
            KeyPair pair = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
            try (OutputStream out = Files.newOutputStream(key)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "untrusted", null, out);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
