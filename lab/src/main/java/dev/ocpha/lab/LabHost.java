package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** One lab host: a real SSH server on its own address, running commands in its own root directory. */
public final class LabHost {
    /** OpenSSH's MaxSessions default: a client that opens more sessions on one connection is refused, as on a real host. */
    static final int MAX_SESSIONS_PER_CONNECTION = 10;

    private final String name;
    private final String address;
    private final Path dir;
    private final PublicKey clientKey;
    private final ExecutorService pumps;
    private final KeyPair hostKey;
    private final HostShell shell;
    private int sshPort;
    private SshServer server;

    LabHost(String name, String address, int sshPort, Path dir, PublicKey clientKey, ExecutorService pumps) {
        this.name = name;
        this.address = address;
        this.sshPort = sshPort;
        this.dir = dir;
        this.clientKey = clientKey;
        this.pumps = pumps;
        try {
            Files.createDirectories(root().resolve("root"));
            Files.createDirectories(root().resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.hostKey = LabKeys.loadOrCreate(dir.resolve("ssh_host_key"), "root@" + name);
        this.shell = new HostShell(name, root());
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    /** Fixed once the host first started (a fleet started with port 0 gets a free port per host). */
    public synchronized int sshPort() {
        return sshPort;
    }

    public Path root() {
        return dir.resolve("root");
    }

    PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** Brings the SSH server up on the same address, port and host key as before. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost(address);
        s.setPort(sshPort);
        s.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        s.setPasswordAuthenticator(null);
        s.setKeyboardInteractiveAuthenticator(null);
        s.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(clientKey, key));
        s.setCommandFactory((channel, command) -> new ProcessCommand(shell, command, pumps));
        s.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
        // SFTP sees the host's root as "/", the view that exec commands get once hosts are isolated
        s.setFileSystemFactory(new VirtualFileSystemFactory(root()));
        CoreModuleProperties.IDLE_TIMEOUT.set(s, Duration.ZERO); // sshd keeps idle connections too
        CoreModuleProperties.NIO_WORKERS.set(s, 1); // 50 hosts on 2 cores: one I/O thread each is plenty
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(s, MAX_SESSIONS_PER_CONNECTION);
        try {
            s.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " on " + address + ":" + sshPort, e);
        }
        sshPort = s.getPort();
        server = s;
    }

    /** Stops the SSH server and drops its connections: new connections are refused, like a host that is down. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop " + name, e);
        } finally {
            server = null;
        }
    }

    @Override
    public String toString() {
        return name + "@" + address + ":" + sshPort;
    }
}
