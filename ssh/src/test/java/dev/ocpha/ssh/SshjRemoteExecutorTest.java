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
            ExecResult result = ssh.exec(target(host), "hostname; pwd; echo warning >&2", TEN_SECONDS);
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
                fleet.host(0).knownHostsName() + otherHostsKey + "\n");
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
        Path foreignKey = fleet.knownHosts().resolveSibling("hosts/host-2/root/etc/ssh/ssh_host_ecdsa_key"); // valid key, not authorised
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
            assertTrue(elapsedMs < 20_000, "waited for the command (" + elapsedMs + " ms) instead of giving up");
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
                    // generous: 300 commands on a shared 2-core machine, the point is the pooling
                    results.add(callers.submit(() -> ssh.exec(target(host), "hostname", Duration.ofSeconds(60))));
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

    @Test
    void stdinReachesTheCommandAndNeverItsCommandLine(LabFleet fleet) throws Exception {
        try (RemoteExecutor ssh = executor(fleet)) {
            ExecResult result = ssh.exec(target(fleet.host(0)), "IFS= read -r PW; echo \"${#PW} chars\"; ps -o args= -p $$",
                    "S3cret! pw\n", TEN_SECONDS);
            assertEquals("10 chars", result.stdout().lines().findFirst().orElseThrow());
            assertFalse(result.stdout().contains("S3cret"), result.stdout());
        }
    }

    @Test
    void outputIsSeenWhileTheCommandRuns(LabFleet fleet) throws Exception {
        List<String> chunks = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch firstLine = new java.util.concurrent.CountDownLatch(1);
        try (RemoteExecutor ssh = executor(fleet)) {
            ExecResult result = ssh.exec(target(fleet.host(0)), "echo one; echo err >&2; sleep 1; echo two", null,
                    TEN_SECONDS, (stream, text) -> {
                        chunks.add(stream + ":" + text);
                        firstLine.countDown();
                    });
            assertEquals("one\ntwo\n", result.stdout());
            assertTrue(chunks.contains("STDOUT:one\n"), chunks.toString());
            assertTrue(chunks.contains("STDERR:err\n"), chunks.toString());
            assertEquals(0, firstLine.getCount());
        }
    }

    @Test
    void uploadWithChecksumPutsVerifiedBytesInPlace(LabFleet fleet) throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(11).nextBytes(bytes);
        Path local = Files.write(tmp.resolve("image.tar"), bytes);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        LabHost host = fleet.host(1);
        try (RemoteExecutor ssh = executor(fleet)) {
            ssh.upload(target(host), local, "/opt/media/image.tar", sha256, TEN_SECONDS);
            assertArrayEquals(bytes, Files.readAllBytes(host.root().resolve("opt/media/image.tar")));
            assertFalse(Files.exists(host.root().resolve("opt/media/image.tar.part")));
        }
    }

    @Test
    void uploadWhoseChecksumDiffersFailsPermanentlyAndLeavesNothing(LabFleet fleet) throws Exception {
        Path local = Files.writeString(tmp.resolve("other.tar"), "not what was announced");
        LabHost host = fleet.host(1);
        try (RemoteExecutor ssh = executor(fleet)) {
            RemoteException e = assertThrows(RemoteException.class, () -> ssh.upload(target(host), local,
                    "/opt/media/other.tar", "0".repeat(64), TEN_SECONDS));
            assertEquals(Kind.CHECKSUM_MISMATCH, e.kind());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("expected " + "0".repeat(64)), e.getMessage());
            assertFalse(Files.exists(host.root().resolve("opt/media/other.tar")));
            assertFalse(Files.exists(host.root().resolve("opt/media/other.tar.part")));
        }
    }

    @Test
    void firstContactPinsTheHostKeyAndLaterConnectionsAcceptIt(LabFleet fleet) throws Exception {
        MemoryPins pins = new MemoryPins();
        try (RemoteExecutor ssh = new SshjRemoteExecutor(credentials(fleet), new HostKeyPolicy.TrustOnFirstUse(pins), TEN_SECONDS)) {
            assertTrue(ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS).succeeded());
        }
        PinnedHostKey pinned = pins.find(hostPort(fleet.host(0))).orElseThrow();
        assertTrue(Files.readString(fleet.knownHosts()).contains(pinned.publicKey()), "pinned the key the host has");
        assertTrue(pinned.fingerprint().startsWith("SHA256:"));
        try (RemoteExecutor ssh = new SshjRemoteExecutor(credentials(fleet), new HostKeyPolicy.TrustOnFirstUse(pins), TEN_SECONDS)) {
            assertTrue(ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS).succeeded());
        }
        assertEquals(pinned, pins.find(hostPort(fleet.host(0))).orElseThrow());
    }

    @Test
    void aKeyThatDiffersFromThePinIsRefusedNamingBothFingerprints(LabFleet fleet) throws Exception {
        MemoryPins pins = new MemoryPins();
        try (RemoteExecutor ssh = new SshjRemoteExecutor(credentials(fleet), new HostKeyPolicy.TrustOnFirstUse(pins), TEN_SECONDS)) {
            ssh.exec(target(fleet.host(1)), "true", TEN_SECONDS); // pins host-2's key
            PinnedHostKey other = pins.find(hostPort(fleet.host(1))).orElseThrow();
            // host-1 "was reinstalled": its pin is host-2's key
            pins.pinIfAbsent(new PinnedHostKey(hostPort(fleet.host(0)), other.keyType(), other.publicKey(),
                    other.fingerprint(), other.pinnedAt()));
            RemoteException e = assertThrows(RemoteException.class, () -> ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS));
            assertEquals(Kind.HOST_KEY_MISMATCH, e.kind());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains(hostPort(fleet.host(0))), e.getMessage());
            assertTrue(e.getMessage().contains(other.fingerprint()), e.getMessage());
            String presented = HostKeyChecks.fingerprint(Files.readAllLines(fleet.knownHosts()).get(0).split(" ")[2]);
            assertTrue(e.getMessage().contains(presented), e.getMessage());
        }
    }

    @Test
    void aChangedKnownHostsKeyIsRefusedNamingBothFingerprints(LabFleet fleet) throws Exception {
        List<String> lines = Files.readAllLines(fleet.knownHosts());
        String otherKey = lines.get(1).split(" ")[2];
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts_changed"),
                fleet.host(0).knownHostsName() + " " + LabFleetKeyType.of(lines.get(1)) + " " + otherKey + "\n");
        try (RemoteExecutor ssh = new SshjRemoteExecutor(credentials(fleet), knownHosts, TEN_SECONDS)) {
            RemoteException e = assertThrows(RemoteException.class, () -> ssh.exec(target(fleet.host(0)), "true", TEN_SECONDS));
            assertEquals(Kind.HOST_KEY_MISMATCH, e.kind());
            assertTrue(e.getMessage().contains(HostKeyChecks.fingerprint(otherKey)), e.getMessage());
            assertTrue(e.getMessage().contains(HostKeyChecks.fingerprint(lines.get(0).split(" ")[2])), e.getMessage());
        }
    }

    /** The key type field of a known_hosts line. */
    private static final class LabFleetKeyType {
        static String of(String knownHostsLine) {
            return knownHostsLine.split(" ")[1];
        }
    }

    private static final class MemoryPins implements HostKeyPins {
        private final Map<String, PinnedHostKey> pins = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public java.util.Optional<PinnedHostKey> find(String host) {
            return java.util.Optional.ofNullable(pins.get(host));
        }

        @Override
        public PinnedHostKey pinIfAbsent(PinnedHostKey key) {
            return pins.computeIfAbsent(key.host(), h -> key);
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
