package dev.ocpha.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabFleetExtension;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabHosts;
import dev.ocpha.ssh.RemoteException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LabFleetExtension.class)
@LabHosts(2)
class SshjRemoteExecutorTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void execReturnsStdoutStderrAndExitStatusOfALabHost(LabFleet fleet) throws Exception {
        LabHost host = fleet.host(0);
        try (RemoteExecutor ssh = executor(fleet)) {
            ExecResult result = ssh.exec(target(host), "echo $LAB_HOST; pwd; echo warning >&2", TEN_SECONDS);
            assertTrue(result.succeeded());
            assertEquals("host-1\n/root\n", result.stdout()); // a lab host's commands start in root's home
            assertEquals("warning\n", result.stderr());
        }
    }

    @Test
    void aNonZeroExitIsReturnedNotThrown(LabFleet fleet) throws Exception {
        try (RemoteExecutor ssh = executor(fleet)) {
            ExecResult result = ssh.exec(target(fleet.host(0)), "test -d /no/such/dir || exit 3", TEN_SECONDS);
            assertEquals(3, result.exitStatus());
            assertFalse(result.succeeded());
        }
    }

    @Test
    void aCommandReadingStdinGetsEofInsteadOfHanging(LabFleet fleet) throws Exception {
        try (RemoteExecutor ssh = executor(fleet)) {
            assertEquals("0", ssh.exec(target(fleet.host(0)), "wc -c", TEN_SECONDS).stdout().trim());
        }
    }

    @Test
    void uploadPutsTheSameBytesOnTheHost(LabFleet fleet) throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        Path local = Files.write(tmp.resolve("media.bin"), bytes);
        LabHost host = fleet.host(1);
        try (RemoteExecutor ssh = executor(fleet)) {
            ssh.upload(target(host), local, "/opt/ocp/media/media.bin");
            assertArrayEquals(bytes, Files.readAllBytes(host.root().resolve("opt/ocp/media/media.bin")));
            ssh.upload(target(host), local, "/opt/ocp/media/media.bin"); // again: overwritten, no error
        }
    }

    @Test
    void aHostMissingFromKnownHostsIsRefused(LabFleet fleet) throws Exception {
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                Files.readAllLines(fleet.knownHosts()).get(1) + "\n"); // only host-2
        try (RemoteExecutor ssh = new SshjRemoteExecutor(credentials(fleet), knownHosts, TEN_SECONDS)) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS));
            assertEquals(Kind.HOST_KEY_UNKNOWN, e.kind());
            assertFalse(e.retryable());
            assertEquals(hostPort(fleet.host(0)), e.host());
            assertTrue(e.getMessage().contains("root@" + hostPort(fleet.host(0))), e.getMessage());
            assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        }
    }

    @Test
    void aChangedHostKeyIsRefused(LabFleet fleet) throws Exception {
        List<String> lines = Files.readAllLines(fleet.knownHosts());
        String otherHostsKey = lines.get(1).substring(lines.get(1).indexOf(' '));
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                "[" + fleet.host(0).address() + "]:" + fleet.host(0).sshPort() + otherHostsKey + "\n");
        try (RemoteExecutor ssh = new SshjRemoteExecutor(credentials(fleet), knownHosts, TEN_SECONDS)) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS));
            assertEquals(Kind.HOST_KEY_MISMATCH, e.kind());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains(hostPort(fleet.host(0))), e.getMessage());
        }
    }

    @Test
    void aStoppedHostIsUnreachableAndServesAgainOnceStarted(LabFleet fleet) throws Exception {
        LabHost host = fleet.host(1);
        try (RemoteExecutor ssh = executor(fleet)) {
            assertTrue(ssh.exec(target(host), "true", TEN_SECONDS).succeeded()); // a pooled connection now exists
            host.stop();
            try {
                RemoteException e = assertThrows(RemoteException.class, () -> ssh.exec(target(host), "true", TEN_SECONDS));
                assertEquals(Kind.UNREACHABLE, e.kind());
                assertTrue(e.retryable());
                assertTrue(e.getMessage().contains(hostPort(host)), e.getMessage());
            } finally {
                host.start();
            }
            assertTrue(ssh.exec(target(host), "true", TEN_SECONDS).succeeded());
        }
    }

    @Test
    void aKeyTheHostDoesNotAuthoriseFailsAuthentication(LabFleet fleet) throws Exception {
        Path foreignKey = fleet.knownHosts().resolveSibling("hosts/host-2/ssh_host_key"); // valid key, not authorised
        CredentialStore store = new MapCredentialStore(Map.of("lab", foreignKey));
        try (RemoteExecutor ssh = new SshjRemoteExecutor(store, fleet.knownHosts(), TEN_SECONDS)) {
            RemoteException e = assertThrows(RemoteException.class, () -> ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS));
            assertEquals(Kind.AUTHENTICATION_FAILED, e.kind());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("'lab'"), e.getMessage());
            assertFalse(e.getMessage().contains("PRIVATE KEY"), e.getMessage());
        }
    }

    @Test
    void anUnknownCredentialReferenceFailsAuthenticationNamingIt(LabFleet fleet) throws Exception {
        try (RemoteExecutor ssh = executor(fleet)) {
            SshTarget target = new SshTarget(fleet.host(0).address(), fleet.host(0).sshPort(), "root", "vault/prod-key");
            RemoteException e = assertThrows(RemoteException.class, () -> ssh.exec(target, "true", TEN_SECONDS));
            assertEquals(Kind.AUTHENTICATION_FAILED, e.kind());
            assertTrue(e.getMessage().contains("'vault/prod-key'"), e.getMessage());
        }
    }

    @Test
    void aCommandOutlivingItsTimeoutIsAbandonedAndKilled(LabFleet fleet) throws Exception {
        LabHost host = fleet.host(0);
        try (RemoteExecutor ssh = executor(fleet)) {
            long start = System.nanoTime();
            RemoteException e = assertThrows(RemoteException.class,
                    () -> ssh.exec(target(host), "echo $$ > sleeper.pid; exec sleep 30", Duration.ofSeconds(1)));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Kind.TIMEOUT, e.kind());
            assertTrue(e.retryable());
            assertTrue(elapsedMs < 5_000, "gave up after " + elapsedMs + " ms");
            long pid = Long.parseLong(Files.readString(host.root().resolve("root/sleeper.pid")).trim());
            for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the abandoned command still runs");
            assertTrue(ssh.exec(target(host), "true", TEN_SECONDS).succeeded()); // the connection is still usable
        }
    }

    @Test
    @LabHosts(20)
    void manyParallelExecsOnTwentyHostsAllSucceedOverPooledConnections(LabFleet fleet) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(64);
        try (SshjRemoteExecutor ssh = executor(fleet)) {
            long start = System.nanoTime();
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int round = 0; round < 15; round++) {
                for (LabHost host : fleet.hosts()) {
                    results.add(callers.submit(() -> ssh.exec(target(host), "echo $LAB_HOST", TEN_SECONDS)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                ExecResult result = results.get(i).get();
                assertTrue(result.succeeded(), result.toString());
                assertEquals(fleet.host(i % 20).name() + "\n", result.stdout());
            }
            System.out.printf("ssh: %d execs on 20 hosts over %d connections in %d ms%n",
                    results.size(), ssh.openConnections(), (System.nanoTime() - start) / 1_000_000);
            assertEquals(20, ssh.openConnections());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void moreParallelCommandsThanSshdAllowsSessionsOnOneHostWaitTheirTurn(LabFleet fleet) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(25);
        try (SshjRemoteExecutor ssh = executor(fleet)) {
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                results.add(callers.submit(() -> ssh.exec(target(fleet.host(0)), "sleep 0.2; echo done", TEN_SECONDS)));
            }
            for (Future<ExecResult> result : results) {
                assertEquals("done\n", result.get().stdout());
            }
            assertEquals(1, ssh.openConnections());
        } finally {
            callers.shutdownNow();
        }
    }

    private static SshjRemoteExecutor executor(LabFleet fleet) {
        return new SshjRemoteExecutor(credentials(fleet), fleet.knownHosts(), TEN_SECONDS);
    }

    private static CredentialStore credentials(LabFleet fleet) {
        return new MapCredentialStore(Map.of("lab", fleet.clientPrivateKey()));
    }

    private static SshTarget target(LabHost host) {
        return new SshTarget(host.address(), host.sshPort(), "root", "lab");
    }

    private static String hostPort(LabHost host) {
        return host.address() + ":" + host.sshPort();
    }
}
