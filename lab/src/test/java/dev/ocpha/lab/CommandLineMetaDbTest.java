package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.lab.CommandLineMetaDb.Result;
import dev.ocpha.lab.metadb.MetaDbClient;
import dev.ocpha.lab.metadb.SqlFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-zone MetaDB deployed as OceanBase documents it for the command line, over real SSH: the RPM bundle uploaded
 * and installed with rpm, observer started with its documented line on each host, bootstrap, root's password and
 * proxyro through obclient, obproxy on each host, a tenant reached through every obproxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineMetaDbTest {
    static final String CLUSTER = "obcluster";
    static final String ROOT_PW = "R00t#Secret-pw";
    static final String PROXYRO_PW = "Pr0xy#Secret-pw";
    static final String HOME = CommandLineMetaDb.HOME;
    static final String PROXY_HOME = CommandLineMetaDb.PROXY_HOME;
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static List<LabHost> hosts;
    static CommandLineMetaDb metaDb;

    @BeforeAll
    static void start() {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(3).sshPort(0).start();
        LabMedia.generate(dir.resolve("media"), List.of(LabMedia.OCEANBASE_CE), 0);
        hosts = fleet.hosts();
        metaDb = new CommandLineMetaDb(SshjClient.shell(fleet), CLUSTER, hosts);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    @Order(1)
    void theBundleInstallsWithRpm_andOceanbaseCeAloneFailsForWantOfItsLibs() throws IOException {
        for (LabHost h : hosts) {
            SshjClient.upload(fleet, h, dir.resolve("media/oceanbase-ce-4.2.1.tar"), "/root/oceanbase-ce-4.2.1.tar");
            SshjClient.Result alone = SshjClient.run(fleet, h, "mkdir -p /root/rpms && cd /root/rpms && tar xf ../oceanbase-ce-4.2.1.tar"
                    + " && rpm -ivh oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm");
            assertEquals(1, alone.status(), alone.out());
            assertTrue(alone.err().contains("oceanbase-ce-libs is needed by oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64"), alone.err());
            SshjClient.Result all = SshjClient.run(fleet, h, "cd /root/rpms && rpm -ivh oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm"
                    + " oceanbase-ce-libs-4.2.1.0-100000102023092807.el7.x86_64.rpm obproxy-ce-4.2.1.0-11.el7.x86_64.rpm");
            assertEquals(0, all.status(), all.err());
            assertEquals("", all.err(), "no Debian-only warning from the host's rpm");
            assertEquals("oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64\nobproxy-ce-4.2.1.0-11.el7.x86_64\n",
                    SshjClient.exec(fleet, h, "rpm -q oceanbase-ce obproxy-ce"));
            assertEquals("-rwxr-xr-x\n", SshjClient.exec(fleet, h, "stat -c %A " + HOME + "/bin/observer"));
            assertTrue(Files.isDirectory(h.root().resolve("var/lib/rpm")), "the database is the host's own /var/lib/rpm");
        }
        SshjClient.Result again = SshjClient.run(fleet, hosts.get(0), "rpm -e obproxy-ce && ! test -e " + PROXY_HOME
                + "/bin/obproxy && rpm -ivh /root/rpms/obproxy-ce-4.2.1.0-11.el7.x86_64.rpm >/dev/null");
        assertEquals(0, again.status(), again.err());
    }

    @Test
    @Order(2)
    void aWrongObserverCommandLineFails_beforeAnyProcessStarts() throws IOException {
        LabHost h = hosts.get(0);
        Result unknown = metaDb.startObserver(h, "-x 1 " + metaDb.observerArgs(h));
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains(HOME + "/bin/observer: invalid option -- 'x'"), unknown.err());
        assertTrue(unknown.err().contains("observer [OPTIONS]"), unknown.err());
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("-z zone1 ", "")), "missing -z,--zone");
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("-n " + CLUSTER, "")), "missing -n,--appname");
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("-I " + h.address(), "-I " + hosts.get(1).address())),
                "-I " + hosts.get(1).address() + ": not an address of this host");
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("-c 1", "-c one")), "need cluster id: one");
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("-p 2881", "-p 80")), "port number should greater than 1024");
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("store/" + CLUSTER, "store/none")), "No such directory");
        assertFails(metaDb.startObserver(h, metaDb.observerArgs(h).replace("memory_limit=8G", "memory_limit")), "'memory_limit' is not key=value");
        h.occupyPort(2882);
        try {
            assertFails(metaDb.startObserver(h, metaDb.observerArgs(h)), "fail to listen on 0.0.0.0:2882");
        } finally {
            h.releasePort(2882);
        }
        assertEquals(1, SshjClient.run(fleet, h, "pgrep -f 'bin/[o]bserver -I " + h.address() + " '").status(), "no observer process");
        assertFalse(Files.exists(h.root().resolve(HOME.substring(1) + "/run/observer.pid")));
    }

    @Test
    @Order(3)
    void theDocumentedStartLine_daemonizesOnEveryHost_withItsPidFileProcessAndPorts() throws IOException {
        for (LabHost h : hosts) {
            Result started = metaDb.startObserver(h, metaDb.observerArgs(h));
            assertEquals(0, started.status(), started.err());
            assertTrue(started.err().startsWith(HOME + "/bin/observer -I " + h.address()), started.err());
            // every lab host sees the machine's processes (one PID namespace): this host's observer is the one with its -I
            SshjClient.Result ps = SshjClient.run(fleet, h, "cd " + HOME + " && pid=$(cat run/observer.pid)"
                    + " && ps -o comm= -p $pid && pgrep -f 'bin/[o]bserver -I " + h.address() + " ' && ps -ef | grep '[o]bserver -I " + h.address() + " '");
            assertEquals(0, ps.status(), ps.err());
            List<String> lines = ps.out().lines().toList();
            String pid = Files.readString(h.root().resolve(HOME.substring(1) + "/run/observer.pid")).strip();
            assertEquals("observer", lines.get(0));
            assertEquals(pid, lines.get(1));
            assertTrue(lines.get(2).matches("root +" + pid + " .*" + HOME + "/bin/observer -I " + h.address() + " -P 2882 .*"), lines.get(2));
            for (int port : new int[] {2881, 2882}) {
                new Socket(h.address(), port).close();
            }
            assertTrue(Files.readString(h.root().resolve(HOME.substring(1) + "/log/observer.log")).contains("observer starts"));
            assertTrue(Files.exists(h.root().resolve(HOME.substring(1) + "/etc/observer.config.bin")));
        }
        assertFails(metaDb.startObserver(hosts.get(0), metaDb.observerArgs(hosts.get(0))), "already running");
    }

    @Test
    @Order(4)
    void beforeTheBootstrap_rootLogsInWithoutPassword_andOnlySetAndBootstrapAreAnswered() throws IOException {
        Result early = metaDb.sql(hosts.get(1), hosts.get(0), 2881, "root@sys", "", "SHOW DATABASES");
        assertEquals(1, early.status());
        assertTrue(early.err().contains("not bootstrapped"), early.err());
        assertEquals(0, metaDb.sql(hosts.get(1), hosts.get(0), 2881, "root@sys", "", "SET SESSION ob_query_timeout=1000000000").status());
    }

    @Test
    @Order(5)
    void theBootstrapRunsOnce_thenRootGetsItsPasswordAndProxyroIsCreated() throws IOException {
        LabHost h1 = hosts.get(0);
        String zones = "ZONE 'zone1' SERVER '" + h1.address() + ":2882', ZONE 'zone2' SERVER '" + hosts.get(1).address()
                + ":2882', ZONE 'zone3' SERVER '" + hosts.get(2).address() + ":2882'";
        Result wrongZone = metaDb.sql(h1, h1, 2881, "root@sys", "", "ALTER SYSTEM BOOTSTRAP ZONE 'zone2' SERVER '"
                + h1.address() + ":2882'");
        assertTrue(wrongZone.err().contains("was started in zone 'zone1'"), wrongZone.err());
        Result boot = metaDb.sql(h1, h1, 2881, "root@sys", "", "SET SESSION ob_query_timeout=1000000000; ALTER SYSTEM BOOTSTRAP " + zones);
        assertEquals(0, boot.status(), boot.err());
        Result again = metaDb.sql(h1, hosts.get(2), 2881, "root@sys", "", "ALTER SYSTEM BOOTSTRAP " + zones);
        assertEquals(1, again.status());
        assertTrue(again.err().contains("ERROR 4015") && again.err().contains("already bootstrapped"), again.err());
        assertTrue(metaDb.sql(h1, hosts.get(1), 2881, "root@sys", "", "SHOW DATABASES").out().lines().anyMatch("oceanbase"::equals));
        assertEquals(0, metaDb.sql(h1, h1, 2881, "root@sys", "", "ALTER USER root IDENTIFIED BY '" + ROOT_PW + "'").status());
        Result noPassword = metaDb.sql(h1, h1, 2881, "root@sys", "", "SELECT 1");
        assertTrue(noPassword.err().startsWith("ERROR 1045 (28000): Access denied for user 'root'"), noPassword.err());
        Result proxyro = metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "CREATE USER IF NOT EXISTS proxyro IDENTIFIED BY '"
                + PROXYRO_PW + "'; GRANT SELECT ON *.* TO proxyro;");
        assertEquals(0, proxyro.status(), proxyro.err());
        assertEquals("sys\n", metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS").out());
    }

    @Test
    @Order(6)
    void obproxyStartsOnEveryHost_andRefusesLoginsWhileItsProxyroPasswordIsWrong() throws IOException {
        for (LabHost h : hosts) {
            Result started = metaDb.startObproxy(h, metaDb.obproxyArgs(PROXYRO_PW, 2883));
            assertEquals(0, started.status(), started.err());
            String pidFile = PROXY_HOME + "/run/obproxy-" + h.address() + "-2883.pid";
            assertEquals("obproxy\n", SshjClient.exec(fleet, h, "ps -o comm= -p $(cat " + pidFile + ")"));
            assertTrue(Files.readString(h.root().resolve(PROXY_HOME.substring(1) + "/log/obproxy.log")).contains("obproxy starts"));
        }
        LabHost h1 = hosts.get(0);
        assertEquals("1\n", metaDb.sql(hosts.get(2), h1, 2883, "root@sys#" + CLUSTER, ROOT_PW, "SELECT 1").out());
        Result wrong = metaDb.startObproxy(h1, metaDb.obproxyArgs("not-the-password", 2885));
        assertEquals(0, wrong.status(), wrong.err());
        Result refused = metaDb.sql(hosts.get(2), h1, 2885, "root@sys#" + CLUSTER, ROOT_PW, "SELECT 1");
        assertEquals("ERROR 4669 (HY000): cluster not exist\n", refused.err());
        assertTrue(Files.readString(h1.root().resolve(PROXY_HOME.substring(1) + "/log/obproxy.log")).contains("proxyro"));
        assertEquals(0, SshjClient.run(fleet, h1, "kill $(cat " + PROXY_HOME + "/run/obproxy-" + h1.address() + "-2885.pid)").status());
        Result otherCluster = metaDb.sql(hosts.get(2), h1, 2883, "root@sys#elsewhere", ROOT_PW, "SELECT 1");
        assertEquals("ERROR 4669 (HY000): cluster not exist\n", otherCluster.err());
        String journal = h1.journal().toString();
        assertFalse(journal.contains(CommandLineMetaDb.sha1Hex(PROXYRO_PW)) || journal.contains(PROXYRO_PW) || journal.contains(ROOT_PW),
                "a password or its hash reached the journal");
    }

    @Test
    @Order(7)
    void aTenantCreatedWithItsAllowlist_isReachedThroughEveryObproxyAsRootAtTenantHashCluster() throws IOException {
        LabHost h1 = hosts.get(0);
        Result unknownZone = metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "CREATE RESOURCE UNIT IF NOT EXISTS u MAX_CPU = 4,"
                + " MEMORY_SIZE = '8G'; CREATE RESOURCE POOL p0 UNIT = 'u', UNIT_NUM = 1, ZONE_LIST = ('zone1','zone9')");
        assertTrue(unknownZone.err().contains("ERROR 4530 (HY000) at line 2: Zone info 'zone9' not exist"), unknownZone.err());
        Result tenant = metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "CREATE RESOURCE UNIT IF NOT EXISTS u MAX_CPU = 4,"
                + " MEMORY_SIZE = '8G'; CREATE RESOURCE POOL p UNIT = 'u', UNIT_NUM = 1, ZONE_LIST = ('zone1','zone2','zone3');"
                + " CREATE TENANT IF NOT EXISTS t RESOURCE_POOL_LIST = ('p') SET ob_tcp_invited_nodes = '%';");
        assertEquals(0, tenant.status(), tenant.err());
        for (LabHost proxy : hosts) {
            Result viaProxy = metaDb.sql(hosts.get(2), proxy, 2883, "root@t#" + CLUSTER, "", "SELECT USER()");
            assertEquals("root@t\n", viaProxy.out(), viaProxy.err());
        }
        assertEquals("sys\nt\n", metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS").out());
    }

    @Test
    @Order(8)
    void aTenantCreatedWithoutAllowlist_refusesEveryClientButTheServerItself() throws Exception {
        LabHost h1 = hosts.get(0);
        assertEquals(0, metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "CREATE RESOURCE POOL p2 UNIT = 'u', UNIT_NUM = 1;"
                + " CREATE TENANT closed RESOURCE_POOL_LIST = ('p2')").status());
        Result fromHost = metaDb.sql(h1, h1, 2881, "root@closed", "", "SELECT 1");
        assertEquals("ERROR 1227 (42501): Access denied\n", fromHost.err());
        try (MetaDbClient local = MetaDbClient.connect(h1.address(), "127.0.0.1", 2881, "root@closed", "", null)) {
            assertEquals("1", local.sql("SELECT 1").get("rows").get(0).get(0).asText());
        }
        SqlFailure proxied = assertThrows(SqlFailure.class,
                () -> MetaDbClient.connect(hosts.get(1).address(), h1.address(), 2883, "root@closed#" + CLUSTER, "", null));
        assertEquals(1227, proxied.code());
        assertEquals(0, metaDb.sql(h1, h1, 2881, "root@sys", ROOT_PW, "ALTER TENANT closed VARIABLES ob_tcp_invited_nodes = '"
                + h1.address().substring(0, h1.address().lastIndexOf('.')) + ".%'").status());
        assertEquals("1\n", metaDb.sql(h1, h1, 2881, "root@closed", "", "SELECT 1").out());
    }

    @Test
    @Order(9)
    void losingOneHost_keepsTheObproxiesOfTheOthersWorking_andItComesBackWithItsHost() throws IOException {
        LabHost h1 = hosts.get(0);
        h1.down();
        try {
            for (int port : new int[] {2881, 2882, 2883}) {
                assertThrows(ConnectException.class, () -> new Socket(h1.address(), port).close());
            }
            for (LabHost proxy : hosts.subList(1, 3)) {
                assertEquals("root@t\n", metaDb.sql(hosts.get(2), proxy, 2883, "root@t#" + CLUSTER, "", "SELECT USER()").out());
            }
            assertTrue(h1.runtime().daemons().running(h1.root().resolve(HOME.substring(1) + "/run/observer.pid")).isPresent(),
                    "a host that is down keeps its processes");
        } finally {
            h1.up();
        }
        assertEquals("root@t\n", metaDb.sql(hosts.get(1), h1, 2883, "root@t#" + CLUSTER, "", "SELECT USER()").out());
        assertEquals("1\n", metaDb.sql(hosts.get(1), h1, 2881, "root@sys", ROOT_PW, "SELECT 1").out());
    }

    @Test
    @Order(10)
    void killingTheObserver_closesItsPorts_andARestartWithOnlyItsSqlPortComesBackAsItWas() throws Exception {
        LabHost h3 = hosts.get(2);
        String pid = SshjClient.exec(fleet, h3, "cat " + HOME + "/run/observer.pid").strip();
        assertEquals(0, SshjClient.run(fleet, h3, "kill $(cat " + HOME + "/run/observer.pid)").status());
        awaitRefused(h3, 2881);
        assertThrows(ConnectException.class, () -> new Socket(h3.address(), 2882).close());
        assertFalse(Files.exists(h3.root().resolve(HOME.substring(1) + "/run/observer.pid")), "the pid file goes with the process");
        String observerLog = Files.readString(h3.root().resolve(HOME.substring(1) + "/log/observer.log"));
        assertTrue(observerLog.contains("exits, pid=" + pid), observerLog);
        SshjClient.Result restart = SshjClient.run(fleet, h3, "cd " + HOME + " && bin/observer -p 2881");
        assertEquals(0, restart.status(), restart.err());
        assertEquals("sys\nt\nclosed\n", metaDb.sql(hosts.get(0), h3, 2881, "root@sys", ROOT_PW,
                "SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS").out());
        assertEquals("zone3\tACTIVE\n", metaDb.sql(hosts.get(0), h3, 2881, "root@sys", ROOT_PW,
                "SELECT zone, status FROM oceanbase.DBA_OB_SERVERS WHERE svr_ip = '" + h3.address() + "'").out());
    }

    @Test
    @Order(11)
    void aTeardownAndRedeployOfTheSameClusterName_startsAFreshCluster() throws IOException {
        for (LabHost h : hosts) {
            SshjClient.Result teardown = SshjClient.run(fleet, h, "cd " + HOME + " && kill $(cat run/observer.pid)"
                    + " && while [ -e run/observer.pid ]; do sleep 0.1; done && rm -rf store/" + CLUSTER + "/* etc/*config* log/*");
            assertEquals(0, teardown.status(), teardown.err());
        }
        for (LabHost h : hosts) {
            Result started = metaDb.startObserver(h, metaDb.observerArgs(h));
            assertEquals(0, started.status(), started.err());
        }
        Result fresh = metaDb.sql(hosts.get(1), hosts.get(0), 2881, "root@sys", "", "SHOW DATABASES");
        assertTrue(fresh.err().contains("not bootstrapped"), "a fresh cluster: root without password, not bootstrapped: " + fresh.err());
    }

    @Test
    @Order(12)
    void closingAFleet_killsEveryProcessItsHostsStarted() throws IOException {
        Path own = dir.resolve("closing");
        LabFleet small = LabFleet.builder(own).hosts(1).sshPort(0).start();
        long observerPid;
        long proxyPid;
        try {
            LabHost h = small.host(0);
            CommandLineMetaDb one = new CommandLineMetaDb(SshjClient.shell(small), "c", List.of(h));
            one.install(dir.resolve("media/oceanbase-ce-4.2.1.tar"));
            one.startObservers();
            Result proxy = one.startObproxy(h, "-r '" + h.address() + ":2881' -p 2883 -c c");
            assertEquals(0, proxy.status(), proxy.err());
            observerPid = Long.parseLong(Files.readString(h.root().resolve(HOME.substring(1) + "/run/observer.pid")).strip());
            proxyPid = Long.parseLong(Files.readString(h.root().resolve(PROXY_HOME.substring(1) + "/run/obproxy-"
                    + h.address() + "-2883.pid")).strip());
            assertTrue(ProcessHandle.of(observerPid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            small.close();
        }
        assertFalse(ProcessHandle.of(observerPid).map(ProcessHandle::isAlive).orElse(false), "observer left behind");
        assertFalse(ProcessHandle.of(proxyPid).map(ProcessHandle::isAlive).orElse(false), "obproxy left behind");
        assertNotEquals(observerPid, proxyPid);
    }

    private static void assertFails(Result r, String message) {
        assertNotEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    }

    private static void awaitRefused(LabHost h, int port) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try {
                new Socket(h.address(), port).close();
                Thread.sleep(100);
            } catch (IOException e) {
                return;
            }
        }
        throw new AssertionError(h.address() + ":" + port + " still answers after the process was killed");
    }
}
