package dev.ocpha.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/** A plain sshj exec against a lab host, verifying its key against the given known_hosts. */
final class SshjClient {
    private SshjClient() {
    }

    record Result(int status, String out, String err) {
    }

    static String exec(LabHost host, Path knownHosts, Path clientKey, String command) throws IOException {
        Result r = run(host, knownHosts, clientKey, command, null);
        if (r.status() != 0) {
            throw new IOException(command + " on " + host + " exited with " + r.status() + ": " + r.err());
        }
        return r.out();
    }

    static String exec(LabFleet fleet, LabHost host, String command) throws IOException {
        return exec(host, fleet.knownHosts(), fleet.clientPrivateKey(), command);
    }

    /** Runs {@code command}, feeding {@code stdin} (or an immediate EOF), and returns status, stdout and stderr. */
    static Result run(LabFleet fleet, LabHost host, String command, String stdin) throws IOException {
        return run(host, fleet.knownHosts(), fleet.clientPrivateKey(), command, stdin);
    }

    static Result run(LabFleet fleet, LabHost host, String command) throws IOException {
        return run(fleet, host, command, null);
    }

    /** This client as the shell of {@link CommandLineMetaDb}. */
    static CommandLineMetaDb.Shell shell(LabFleet fleet) {
        return (host, command, stdin) -> {
            Result r = run(fleet, host, command, stdin);
            return new CommandLineMetaDb.Result(r.status(), r.out(), r.err());
        };
    }

    /** Uploads {@code local} to {@code remote} on the host over SFTP, as a deployer carries media to its hosts. */
    static void upload(LabFleet fleet, LabHost host, Path local, String remote) throws IOException {
        try (SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(new OpenSSHKnownHosts(fleet.knownHosts().toFile()));
            client.connect(host.address(), host.sshPort());
            client.authPublickey("root", client.loadKeys(fleet.clientPrivateKey().toString()));
            try (net.schmizz.sshj.sftp.SFTPClient sftp = client.newSFTPClient()) {
                sftp.put(local.toString(), remote);
            }
        }
    }

    static Result run(LabHost host, Path knownHosts, Path clientKey, String command, String stdin) throws IOException {
        try (SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
            client.connect(host.address(), host.sshPort());
            client.authPublickey("root", client.loadKeys(clientKey.toString()));
            try (Session session = client.startSession()) {
                Session.Command cmd = session.exec(command);
                try (OutputStream in = cmd.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                    try {
                        return IOUtils.readFully(cmd.getErrorStream()).toString(StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
                String out = IOUtils.readFully(cmd.getInputStream()).toString(StandardCharsets.UTF_8);
                cmd.join(30, TimeUnit.SECONDS);
                Integer status = cmd.getExitStatus();
                return new Result(status == null ? -1 : status, out, err.join());
            }
        }
    }

}
