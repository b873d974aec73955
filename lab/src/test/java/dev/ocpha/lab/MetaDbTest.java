package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.lab.CommandLineMetaDb.Result;
import java.net.ConnectException;
import java.net.Socket;
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
 * A three-replica MetaDB cluster, one zone per host, deployed from its RPMs with observer's documented command line
 * ({@link CommandLineMetaDb}) and driven with obclient as a deployer would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetaDbTest {
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static LabHost h1;
    static LabHost h2;
    static LabHost h3;
    static CommandLineMetaDb metaDb;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(3).sshPort(0).start();
        Path media = dir.resolve("media");
        LabMedia.generate(media, List.of(LabMedia.OCEANBASE_CE), 0);
        h1 = fleet.host(0);
        h2 = fleet.host(1);
        h3 = fleet.host(2);
        metaDb = new CommandLineMetaDb(SshjClient.shell(fleet), "metadb", fleet.hosts());
        metaDb.install(media.resolve(LabMedia.OCEANBASE_CE_NAME + ".tar"));
        metaDb.startObservers();
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static Result sql(LabHost from, LabHost to, String user, String password, String statements) throws Exception {
        return metaDb.sql(from, to, CommandLineMetaDb.SQL_PORT, user, password, statements);
    }

    @Test
    @Order(1)
    void eachReplicaListensOnItsOwnHostsAddress_onSqlAndRpcPorts() throws Exception {
        for (LabHost h : fleet.hosts()) {
            for (int port : new int[] {2881, 2882}) {
                try (Socket s = new Socket(h.address(), port)) {
                    assertTrue(s.isConnected());
                }
            }
        }
        Result set = sql(h2, h1, "root@sys", "", "SET SESSION ob_query_timeout=1000000000");
        assertEquals(0, set.status(), set.err());
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedLikeMysql() throws Exception {
        Result wrong = sql(h1, h1, "root@sys", "nope", "SELECT 1");
        assertEquals(1, wrong.status());
        assertEquals("ERROR 1045 (28000): Access denied for user 'root'@'" + h1.address() + "' (using password: YES)\n", wrong.err());
        SshjClient.Result noHost = SshjClient.run(fleet, h1, "obclient -P 2881 -uroot@sys -e 'SELECT 1'");
        assertEquals(1, noHost.status());
        assertTrue(noHost.err().startsWith("ERROR 2002"), noHost.err());
    }

    @Test
    @Order(3)
    void beforeBootstrap_ddlAndQueriesAreRefused() throws Exception {
        Result servers = sql(h1, h1, "root@sys", "", "SELECT zone, svr_ip FROM oceanbase.DBA_OB_SERVERS");
        assertEquals(1, servers.status());
        assertTrue(servers.err().contains("not bootstrapped"), servers.err());
        Result early = sql(h1, h1, "root@sys", "", "CREATE DATABASE x");
        assertEquals(1, early.status());
        assertTrue(early.err().contains("not bootstrapped"), early.err());
    }

    @Test
    @Order(4)
    void bootstrapOnOneReplica_isSeenByAll_andASecondBootstrapFails() throws Exception {
        metaDb.bootstrap(Deploy.ROOT_PW, Deploy.PROXYRO_PW);
        metaDb.startObproxies(Deploy.PROXYRO_PW);
        metaDb.ocpTenants(Deploy.ROOT_PW, Deploy.META_PW, Deploy.MONITOR_PW);
        String expected = "zone1\t" + h1.address() + "\nzone2\t" + h2.address() + "\nzone3\t" + h3.address() + "\n";
        assertEquals(expected, sql(h1, h3, "root@sys", Deploy.ROOT_PW, "select  zone ,svr_ip  from oceanbase.DBA_OB_SERVERS").out());
        Result again = sql(h2, h2, "root@sys", Deploy.ROOT_PW, "ALTER SYSTEM BOOTSTRAP ZONE 'zone1' SERVER '" + h1.address() + ":2882'");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already bootstrapped"), again.err());
        assertEquals("sys\nocp_meta\nocp_monitor\n", sql(h1, h2, "root@sys", Deploy.ROOT_PW,
                "SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS").out());
        for (LabHost h : fleet.hosts()) {
            try (Socket s = new Socket(h.address(), CommandLineMetaDb.PROXY_PORT)) {
                assertTrue(s.isConnected(), "obproxy on " + h.name());
            }
        }
    }

    @Test
    @Order(5)
    void tenantUsersLogInAsUserAtTenantOrUserAtTenantHashClusterOnTheProxyPort() throws Exception {
        Result direct = sql(h3, h1, "meta_user@ocp_meta", Deploy.META_PW, "SHOW DATABASES");
        assertEquals(0, direct.status(), direct.err());
        assertTrue(direct.out().contains("meta_database\n"), direct.out());
        SshjClient.Result proxy = SshjClient.run(fleet, h3, "IFS= read -r MYSQL_PWD; export MYSQL_PWD; obclient -h " + h2.address()
                + " -P2883 -umeta_user@ocp_meta#metadb -Dmeta_database -N -e 'SELECT DATABASE()'", Deploy.META_PW + "\n");
        assertEquals("meta_database\n", proxy.out(), proxy.err());
        Result otherCluster = sql(h3, h1, "meta_user@ocp_meta#nosuch", Deploy.META_PW, "SELECT 1");
        assertTrue(otherCluster.err().contains("cluster not exist"), otherCluster.err());
        Result duplicate = sql(h1, h1, "root@sys", Deploy.ROOT_PW, "CREATE RESOURCE UNIT ocp_meta_unit MAX_CPU 2, MEMORY_SIZE '5G'");
        assertTrue(duplicate.err().contains("already exist"), duplicate.err());
        Result garbage = sql(h1, h1, "root@sys", Deploy.ROOT_PW, "DROP TABLE everything");
        assertEquals(1, garbage.status());
        assertTrue(garbage.err().startsWith("ERROR 1064 (42000) at line 1"), garbage.err());
    }

    @Test
    @Order(6)
    void theJournalHasTheStatementsWithPasswordsRedacted() {
        String all = h1.journal().toString();
        assertTrue(all.contains("IDENTIFIED BY '******'"), all);
        assertFalse(all.contains(Deploy.META_PW) || all.contains(Deploy.ROOT_PW), "a password reached the journal");
    }

    @Test
    @Order(7)
    void aReplicaWhoseHostIsDownIsUnreachable_andComesBackWithIt() throws Exception {
        h3.stop();
        try {
            java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> new Socket(h3.address(), 2881).close());
            assertTrue(refused instanceof ConnectException, refused.toString());
            Result viaObclient = sql(h1, h3, "root@sys", Deploy.ROOT_PW, "SELECT 1");
            assertTrue(viaObclient.err().startsWith("ERROR 2003 (HY000): Can't connect to MySQL server on '" + h3.address()),
                    viaObclient.err());
            assertEquals("1\n", sql(h1, h1, "root@sys", Deploy.ROOT_PW, "SELECT 1").out());
        } finally {
            h3.start();
        }
        assertEquals("1\n", sql(h1, h3, "root@sys", Deploy.ROOT_PW, "SELECT 1").out());
    }
}
