package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each SSH-level fault, as a real sshj client sees it (the others: SystemToolsTest, DockerTest, MetaDbTest, OcpServerTest). */
class FaultsTest {
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static LabHost host;

    @BeforeAll
    static void start() {
        fleet = LabFleet.start(dir, 1, 0);
        host = fleet.host(0);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @AfterEach
    void clear() {
        host.clearFaults();
    }

    @Test
    void linkDown_makesConnectionsTimeOutWhileTheHostRuns_andLinkUpBringsItBackAsItWas() throws Exception {
        String pid = SshjClient.exec(fleet, host, "cat /run/sshd.pid").strip();
        host.linkDown();
        try (Socket socket = new Socket()) {
            // no answer at all, not a refusal: the packets go nowhere, as to a host whose network is gone
            assertThrows(java.net.SocketTimeoutException.class,
                    () -> socket.connect(new java.net.InetSocketAddress(host.address(), host.sshPort()), 1000));
        }
        assertTrue(host.isUp(), "the host itself keeps running");
        host.linkUp();
        assertEquals(pid + "\n", SshjClient.exec(fleet, host, "cat /run/sshd.pid"), "the same sshd answers again");
    }

    @Test
    void sshdStopped_refusesSshWhileTheHostsOtherListenersAnswer_andStartsAgainWithItsKey() throws Exception {
        host.occupyPort(8080);
        try {
            host.stopSshd();
            assertThrows(java.net.ConnectException.class, () -> new Socket(host.address(), host.sshPort()).close());
            new Socket(host.address(), 8080).close(); // the host itself is up
            assertTrue(host.isUp());
            host.startSshd();
            assertEquals("ok\n", SshjClient.exec(fleet, host, "echo ok"), "same port, same host key (known_hosts)");
        } finally {
            host.releasePort(8080);
        }
    }

    @Test
    void slowHost_makesACommandOutliveAClientTimeoutItOtherwiseMeets() throws Exception {
        host.slow(Duration.ofSeconds(5));
        try (SSHClient client = connect()) {
            client.authPublickey("root", client.loadKeys(fleet.clientPrivateKey().toString()));
            try (Session session = client.startSession()) {
                Session.Command cmd = session.exec("echo hi");
                assertThrows(net.schmizz.sshj.connection.ConnectionException.class, () -> cmd.join(1, TimeUnit.SECONDS));
            }
        }
        host.slow(Duration.ZERO);
        assertEquals("hi\n", SshjClient.exec(fleet, host, "echo hi"));
    }

    @Test
    void authenticationFailure_rejectsTheFleetsKeyUntilCleared() throws Exception {
        host.rejectClientKey(true);
        try (SSHClient client = connect()) {
            assertThrows(UserAuthException.class, () -> client.authPublickey("root", client.loadKeys(fleet.clientPrivateKey().toString())));
        }
        host.rejectClientKey(false);
        assertEquals("ok\n", SshjClient.exec(fleet, host, "echo ok"));
    }

    @Test
    void rotatedHostKey_isRefusedByAClientHoldingTheOldKnownHosts() throws Exception {
        host.rotateHostKey();
        TransportException changed = assertThrows(TransportException.class, () -> {
            try (SSHClient client = connect()) {
                client.authPublickey("root", client.loadKeys(fleet.clientPrivateKey().toString()));
            }
        });
        assertTrue(changed.getMessage().contains("HOST_KEY_NOT_VERIFIABLE") || changed.toString().contains("HOST_KEY_NOT_VERIFIABLE"), changed.toString());
        host.restoreHostKey();
        assertEquals("ok\n", SshjClient.exec(fleet, host, "echo ok"));
    }

    @Test
    void occupiedPort_isARealListenerOnTheHostsAddress() throws Exception {
        host.occupyPort(8080);
        try (Socket s = new Socket(host.address(), 8080)) {
            assertTrue(s.isConnected());
        }
        host.releasePort(8080);
        assertThrows(IOException.class, () -> new Socket(host.address(), 8080).close());
    }

    @Test
    void faultsByName_validateTheirArguments() {
        assertEquals("host-1: slow 10", LabFaults.apply(host, "slow", List.of("10")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> LabFaults.apply(host, "melt", List.of()));
        assertTrue(unknown.getMessage().contains("unknown fault 'melt'"), unknown.getMessage());
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class, () -> LabFaults.apply(host, "fail", List.of("docker")));
        assertTrue(arity.getMessage().contains("takes <tool> <times>"), arity.getMessage());
        IllegalArgumentException tool = assertThrows(IllegalArgumentException.class, () -> LabFaults.apply(host, "hang", List.of("kubectl")));
        assertTrue(tool.getMessage().contains("no stand-in tool named 'kubectl'"), tool.getMessage());
    }

    private static SSHClient connect() throws IOException {
        SSHClient client = new SSHClient();
        client.addHostKeyVerifier(new OpenSSHKnownHosts(fleet.knownHosts().toFile()));
        client.connect(host.address(), host.sshPort());
        return client;
    }
}
