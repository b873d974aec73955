package dev.ocpha.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/** A plain sshj exec against a lab host, verifying its key against the given known_hosts. */
final class SshjClient {
    private SshjClient() {
    }

    static String exec(LabHost host, Path knownHosts, Path clientKey, String command) throws IOException {
        try (SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
            client.connect(host.address(), host.sshPort());
            client.authPublickey("root", client.loadKeys(clientKey.toString()));
            try (Session session = client.startSession()) {
                Session.Command cmd = session.exec(command);
                cmd.getOutputStream().close();
                String out = IOUtils.readFully(cmd.getInputStream()).toString(StandardCharsets.UTF_8);
                cmd.join(10, TimeUnit.SECONDS);
                if (cmd.getExitStatus() == null || cmd.getExitStatus() != 0) {
                    throw new IOException(command + " on " + host + " exited with " + cmd.getExitStatus());
                }
                return out;
            }
        }
    }

    static String exec(LabFleet fleet, LabHost host, String command) throws IOException {
        return exec(host, fleet.knownHosts(), fleet.clientPrivateKey(), command);
    }
}
