package dev.ocpha.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place where a lab host starts a process, so that per-host filesystem isolation
 * (mount namespace or proot) can be added here without touching the SSH side.
 */
final class HostShell {
    private final String hostName;
    private final Path root;

    HostShell(String hostName, Path root) {
        this.hostName = hostName;
        this.root = root;
    }

    Process start(String command, Map<String, String> clientEnv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(clientEnv);
        env.put("HOME", root.resolve("root").toString());
        env.put("USER", "root");
        env.put("LOGNAME", "root");
        env.put("LAB_HOST", hostName);
        return builder.start();
    }
}
