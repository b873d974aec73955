package dev.ocpha.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Debian packages a lab host runs (the real OpenSSH server, iproute2 for its network), installed by {@code install-host-packages.sh} when
 * missing, so the README's commands need no set-up by hand on a fresh Debian/Ubuntu machine.
 */
final class LabPackages {
    private static final String SCRIPT = "install-host-packages.sh";

    private LabPackages() {
    }

    /** Null when everything is there (or was installed); otherwise what is missing and how to get it. */
    static String ensure() {
        try (InputStream script = LabPackages.class.getResourceAsStream(SCRIPT)) {
            Path file = Files.createTempFile("ocpha-lab-", ".sh");
            try {
                Files.write(file, script.readAllBytes());
                Process p = new ProcessBuilder("/bin/sh", file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.waitFor() == 0 ? null : out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            return "cannot run " + SCRIPT + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while installing the lab's packages";
        }
    }
}
