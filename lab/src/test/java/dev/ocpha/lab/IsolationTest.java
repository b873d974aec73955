package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every auto-fix an installer runs changes the lab host's state and never the machine the lab runs on; each host's
 * network is its own namespace on the lab bridge.
 */
class IsolationTest {
    private static final String[] REAL_KEYS = {"vm/swappiness", "vm/max_map_count", "net/core/somaxconn",
            "fs/aio-max-nr", "net/ipv4/tcp_tw_reuse", "kernel/numa_balancing", "fs/file-max"};
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static LabHost host;

    @BeforeAll
    static void start() {
        fleet = LabFleet.start(dir, 2, 0);
        host = fleet.host(0);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void eachHostListensInItsOwnNamespace_reachesTheOtherHosts_andHasNoRouteOutOfTheLab() throws Exception {
        LabHost other = fleet.host(1);
        host.occupyPort(8080);
        other.occupyPort(8080); // the same port on two hosts, as two real OCP nodes
        try {
            String listening = SshjClient.exec(fleet, host, "ss -Hlnt | awk '{print $4}'");
            assertTrue(listening.contains(host.address() + ":22\n"), listening);
            assertTrue(listening.contains(host.address() + "]:8080\n"), listening); // Java's dual-stack [::ffff:a.b.c.d]
            assertFalse(listening.contains(other.address()), listening);
            for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String local = line.trim().split("\\s+")[1];
                    assertFalse(local.split(":")[0].endsWith(hex(host.address())),
                            "the machine holds a socket of the host: " + table + ": " + line);
                }
            }
            String block = host.address().substring(0, host.address().lastIndexOf('.'));
            assertEquals(block + ".0/24 dev eth0 proto kernel scope link src " + host.address(),
                    SshjClient.exec(fleet, host, "ip route").strip(), "one on-link route, no default");
            SshjClient.Result out = SshjClient.run(fleet, host, "exec 3<>/dev/tcp/203.0.113.1/80");
            assertTrue(out.err().contains("Network is unreachable"), out.err());
            assertEquals("SSH-2.0", SshjClient.exec(fleet, host, "exec 3<>/dev/tcp/" + other.address() + "/22; head -c 7 <&3"));
        } finally {
            host.releasePort(8080);
            other.releasePort(8080);
        }
    }

    /** An IPv4 address as /proc/net/tcp writes it (the 32-bit value in the machine's byte order, little-endian here). */
    private static String hex(String address) {
        String[] o = address.split("\\.");
        StringBuilder hex = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            hex.append(String.format("%02X", Integer.parseInt(o[i])));
        }
        return hex.toString();
    }

    @Test
    void everyAutoFix_changesTheHostOnly_andLeavesTheRealMachineAsItWas() throws Exception {
        Map<String, String> realSysctl = realSysctl();
        String realPasswd = Files.readString(Path.of("/etc/passwd"));
        Map<String, String> realEtc = snapshot(Path.of("/etc"));
        String realThp = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
        String realSwaps = Files.readString(Path.of("/proc/swaps"));

        SshjClient.Result fix = SshjClient.run(fleet, host, """
                set -e
                sysctl -w vm.swappiness=0 vm.max_map_count=655360
                /usr/sbin/sysctl -w net.core.somaxconn=2048
                printf 'fs.aio-max-nr = 1048576\\nnet.ipv4.tcp_tw_reuse = 1\\n' > /etc/sysctl.d/oceanbase.conf
                sysctl -p /etc/sysctl.d/oceanbase.conf
                echo 'fs.file-max = 6573688' >> /etc/sysctl.conf
                sysctl --system
                echo 0 > /proc/sys/kernel/numa_balancing
                printf 'root soft nofile 655350\\nadmin soft nofile 655350\\n' > /etc/security/limits.d/99-oceanbase_limits.conf
                echo never > /sys/kernel/mm/transparent_hugepage/enabled
                echo never > /sys/kernel/mm/transparent_hugepage/defrag
                swapoff -a
                systemctl stop firewalld
                systemctl disable firewalld
                setenforce 0
                sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config
                groupadd -g 500 admin
                useradd -u 500 -g 500 admin
                firewall-cmd --state || true
                iptables -A INPUT -p tcp --dport 8080 -j ACCEPT
                echo done
                """);
        assertEquals(0, fix.status(), fix.err());
        assertTrue(fix.out().endsWith("done\n"), fix.out());

        // the host changed …
        SshjClient.Result after = SshjClient.run(fleet, host, "sysctl -n vm.swappiness vm.max_map_count net.core.somaxconn "
                + "fs.aio-max-nr net.ipv4.tcp_tw_reuse fs.file-max kernel.numa_balancing; cat /proc/sys/vm/swappiness; "
                + "cat /sys/kernel/mm/transparent_hugepage/enabled; swapon --show | wc -l; systemctl is-active firewalld; "
                + "systemctl is-enabled firewalld; getenforce; id admin; ls /etc/security/limits.d; iptables -S | tail -1");
        assertEquals("""
                0
                655360
                2048
                1048576
                1
                6573688
                0
                0
                never
                0
                inactive
                disabled
                Permissive
                uid=500(admin) gid=500(admin) groups=500(admin)
                20-nproc.conf
                99-oceanbase_limits.conf
                -A INPUT -p tcp --dport 8080 -j ACCEPT
                """, after.out(), after.err());
        assertTrue(Files.readString(host.root().resolve("etc/passwd")).contains("admin:x:500:500"));

        // … and the machine did not
        assertEquals(realSysctl, realSysctl());
        assertEquals(realPasswd, Files.readString(Path.of("/etc/passwd")));
        assertEquals(realEtc, snapshot(Path.of("/etc")));
        assertEquals(realThp, Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")));
        assertEquals(realSwaps, Files.readString(Path.of("/proc/swaps")));
    }

    @Test
    void theHostSeesItsOwnFilesystemAndASupportedOs() throws Exception {
        SshjClient.Result r = SshjClient.run(fleet, host, "cat /etc/redhat-release; . /etc/os-release; echo $ID $VERSION_ID; "
                + "head -1 /etc/passwd; hostname; echo $HOME; mkdir -p /data/1 /home/admin/x && touch /tmp/mark && ls /tmp; "
                + "date -s '2001-01-01' >/dev/null 2>&1; ip link add lab0 type dummy 2>/dev/null; echo ip=$?");
        assertEquals("""
                CentOS Linux release 7.9.2009 (Core)
                centos 7
                root:x:0:0:root:/root:/bin/bash
                host-1
                /root
                mark
                ip=2
                """, r.out(), r.err());
        assertTrue(Files.isDirectory(host.root().resolve("data/1")));
        assertTrue(Files.exists(host.root().resolve("tmp/mark")));
        assertTrue(Math.abs(System.currentTimeMillis() - realSeconds() * 1000) < 60_000, "the real clock was not set");
    }

    @Test
    void sftpNeverFollowsALinkOutOfTheHost_whileOrdinaryTransfersWork() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "the machine's own file\n");
        // inside the host these links point nowhere; seen from the lab's JVM they would point at the machine's files
        SshjClient.exec(fleet, host, "ln -sfn " + outside + " /root/escape && ln -sfn " + outside
                + "/secret.txt /root/secret && mkdir -p /data/media");
        Path upload = Files.writeString(dir.resolve("upload.txt"), "media\n");
        try (SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(new OpenSSHKnownHosts(fleet.knownHosts().toFile()));
            client.connect(host.address(), host.sshPort());
            client.authPublickey("root", client.loadKeys(fleet.clientPrivateKey().toString()));
            try (SFTPClient sftp = client.newSFTPClient()) {
                sftp.put(upload.toString(), "/data/media/upload.txt");
                assertEquals("media\n", SshjClient.exec(fleet, host, "cat /data/media/upload.txt"));

                // OpenSSH's internal-sftp resolves links inside the host's root, where their targets do not exist
                SFTPException write = assertThrows(SFTPException.class,
                        () -> sftp.put(upload.toString(), "/root/escape/planted.txt"));
                assertEquals(Response.StatusCode.NO_SUCH_FILE, write.getStatusCode());
                SFTPException read = assertThrows(SFTPException.class,
                        () -> sftp.get("/root/secret", dir.resolve("stolen.txt").toString()));
                assertEquals(Response.StatusCode.NO_SUCH_FILE, read.getStatusCode());
            }
        }
        assertFalse(Files.exists(outside.resolve("planted.txt")));
        assertFalse(Files.exists(dir.resolve("stolen.txt")));
    }

    private static long realSeconds() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("date", "+%s").start();
        p.waitFor();
        return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
    }

    private static Map<String, String> realSysctl() throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (String key : REAL_KEYS) {
            values.put(key, Files.readString(Path.of("/proc/sys").resolve(key)));
        }
        return values;
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    files.put(p.toString(), Files.isSymbolicLink(p) ? "link:" + Files.readSymbolicLink(p)
                            : Files.isRegularFile(p) ? Files.size(p) + ":" + Files.getLastModifiedTime(p) : "dir");
                } catch (IOException e) {
                    files.put(p.toString(), "unreadable");
                }
            });
        }
        return files;
    }
}
