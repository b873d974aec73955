package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFleetTest {
    @TempDir
    Path dir;

    @Test
    void fiftyHostsStartAndEveryHostAnswersAnSshjExecInParallel() throws Exception {
        long t0 = System.nanoTime();
        try (LabFleet fleet = LabFleet.start(dir, 50, 0)) {
            long t1 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<CompletableFuture<String>> answers = fleet.hosts().stream()
                        .map(h -> CompletableFuture.supplyAsync(() -> exec(fleet, h, "echo $USER $HOME; pwd; hostname"), pool))
                        .toList();
                for (int i = 0; i < 50; i++) {
                    LabHost host = fleet.host(i);
                    assertEquals("root /root\n/root\n" + host.hostname() + "\n",
                            answers.get(i).join());
                }
            } finally {
                pool.shutdown();
            }
            long t2 = System.nanoTime();
            System.out.printf("lab: 50 hosts started in %d ms (keys generated), 50 parallel sshj execs in %d ms%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
        long t3 = System.nanoTime();
        try (LabFleet again = LabFleet.start(dir, 50, 0)) {
            System.out.printf("lab: 50 hosts restarted in %d ms (keys reused)%n", (System.nanoTime() - t3) / 1_000_000);
            assertEquals("host-50\n", exec(again, again.host(49), "hostname"));
        }
    }

    @Test
    void aHostStoppedThenStartedKeepsItsHostKey() throws Exception {
        try (LabFleet fleet = LabFleet.start(dir, 2, 0)) {
            LabHost host = fleet.host(1);
            byte[] key = Files.readAllBytes(dir.resolve("hosts/host-2/root/etc/ssh/ssh_host_ecdsa_key"));
            int port = host.sshPort();
            assertEquals("host-2\n", SshjClient.exec(fleet, host, "hostname"));

            host.stop();
            IOException down = assertThrows(IOException.class, () -> SshjClient.exec(fleet, host, "true"));
            assertTrue(down instanceof ConnectException, "connection refused, got " + down);
            assertEquals("host-1\n", SshjClient.exec(fleet, fleet.host(0), "hostname"));

            host.start();
            assertEquals(port, host.sshPort());
            assertEquals("host-2\n", SshjClient.exec(fleet, host, "hostname")); // verified against known_hosts
            assertArrayEquals(key, Files.readAllBytes(dir.resolve("hosts/host-2/root/etc/ssh/ssh_host_ecdsa_key")));
        }
    }

    @Test
    void aFleetRestartedOnItsDirectoryKeepsClientAndHostKeys() throws Exception {
        String clientKey;
        List<String> hostKeys;
        try (LabFleet fleet = LabFleet.start(dir, 3, 0)) {
            clientKey = Files.readString(fleet.clientPrivateKey());
            hostKeys = keysOf(fleet.knownHosts());
        }
        try (LabFleet fleet = LabFleet.start(dir, 3, 0)) {
            assertEquals(clientKey, Files.readString(fleet.clientPrivateKey()));
            assertEquals(hostKeys, keysOf(fleet.knownHosts()));
            assertEquals("host-3\n", SshjClient.exec(fleet, fleet.host(2), "hostname"));
        }
    }

    @Test
    void byDefaultEachHostHasItsOwnAddressOfAFreeBlockOnPort22() throws Exception {
        try (LabFleet fleet = LabFleet.start(dir, 2)) {
            String block = "198.18." + fleet.addressBlocks().get(0) + ".";
            assertEquals(block + "1", fleet.host(0).address());
            assertEquals(block + "2", fleet.host(1).address());
            assertEquals(22, fleet.host(1).sshPort());
            List<String> lines = Files.readAllLines(fleet.knownHosts());
            assertTrue(lines.get(0).startsWith(block + "1 ecdsa-sha2-nistp256 AAAA"), lines.get(0));
            assertTrue(lines.get(1).startsWith(block + "2 ecdsa-sha2-nistp256 AAAA"), lines.get(1));
            String inventory = Files.readString(dir.resolve("inventory.json"));
            assertTrue(inventory.contains("\"address\" : \"" + block + "2\""), inventory);
            assertTrue(inventory.contains("\"sshPort\" : 22"), inventory);
            assertEquals("host-2\n", SshjClient.exec(fleet, fleet.host(1), "hostname"));
        }
    }

    @Test
    void aCommandsExitStatusComesBackAndStdinEofReachesIt() throws Exception {
        try (LabFleet fleet = LabFleet.start(dir, 1, 0)) {
            IOException failed = assertThrows(IOException.class,
                    () -> SshjClient.exec(fleet, fleet.host(0), "echo oops >&2; exit 7"));
            assertTrue(failed.getMessage().contains("exited with 7: oops"), failed.getMessage());
            assertEquals("", SshjClient.exec(fleet, fleet.host(0), "cat")); // the client's EOF reaches the process
        }
    }

    private static String exec(LabFleet fleet, LabHost host, String command) {
        try {
            return SshjClient.exec(fleet, host, command);
        } catch (IOException e) {
            throw new IllegalStateException(host + ": " + e, e);
        }
    }

    private static List<String> keysOf(Path knownHosts) throws IOException {
        return Files.readAllLines(knownHosts).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }
}
