package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Key pairs made by OpenSSH's own {@code ssh-keygen} (private key + {@code .pub}), created once and reused.
 * ECDSA P-256: the JDK verifies it on its own, so clients need no extra crypto provider.
 */
final class LabKeys {
    static final String KEY_TYPE = "ecdsa-sha2-nistp256";

    private LabKeys() {
    }

    /** Creates the key pair at {@code file} unless it exists; the private key appears complete or not at all. */
    static void ensure(Path file, String comment) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".pub"));
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", comment,
                    "-f", tmp.toString()).redirectErrorStream(true).start();
            String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keygen.waitFor() != 0) {
                throw new IllegalStateException("ssh-keygen could not create " + file + ": " + out.trim());
            }
            Files.move(tmp.resolveSibling(tmp.getFileName() + ".pub"), pub(file), StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create key " + file + " (is openssh-client installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating key " + file, e);
        }
    }

    /** {@code ecdsa-sha2-nistp256 AAAA…} of the key pair at {@code file}, as in authorized_keys and known_hosts. */
    static String publicLine(Path file) {
        try {
            String[] fields = Files.readString(pub(file)).trim().split("\\s+");
            return fields[0] + " " + fields[1];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key of " + file, e);
        }
    }

    static Path pub(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }
}
