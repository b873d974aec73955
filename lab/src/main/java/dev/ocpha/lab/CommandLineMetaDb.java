package dev.ocpha.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Test support: a MetaDB on lab hosts deployed the way OceanBase documents its command-line deployment
 * (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/200.deploy-the-oceanbase-cluster-command-line/400.deploy-three-oceanbase-replica-clusters.md}
 * and {@code …/300.deploy-obproxy-command-line.md}), with the SQL of the installer profile {@code oceanbase-4.2}: the
 * RPM bundle ({@link LabMedia#OCEANBASE_CE}) installed with {@code rpm -ivh}, one observer per host (zone
 * {@code zone<n>} for the n-th host) started with its documented line, the bootstrap, root@sys's password and
 * {@code proxyro} through {@code obclient}, an obproxy per host, and tenants for OCP. Every command goes through the
 * caller's {@link Shell} (its SSH client), secrets on standard input; a step that exits non-zero throws.
 */
public final class CommandLineMetaDb {
    public static final String HOME = "/home/admin/oceanbase";
    public static final String PROXY_HOME = "/home/admin/obproxy-4.2.1.0";
    public static final int SQL_PORT = 2881;
    public static final int RPC_PORT = 2882;
    public static final int PROXY_PORT = 2883;

    /** How the helper runs a command as root on a host: the caller's SSH client. */
    @FunctionalInterface
    public interface Shell {
        /** Runs {@code command} with {@code stdin} (null: none) on its standard input. */
        Result run(LabHost host, String command, String stdin) throws IOException;
    }

    public record Result(int status, String out, String err) {
    }

    private final Shell shell;
    private final String cluster;
    private final List<LabHost> hosts;

    /** Cluster {@code cluster} (also the store directory's name) with one observer per host of {@code hosts}. */
    public CommandLineMetaDb(Shell shell, String cluster, List<LabHost> hosts) {
        this.shell = shell;
        this.cluster = cluster;
        this.hosts = List.copyOf(hosts);
    }

    /**
     * Every step in the documented order: {@link #install}, {@link #startObservers}, {@link #bootstrap},
     * {@link #startObproxies}. {@code bundle} is the generated {@link LabMedia#OCEANBASE_CE} tar.
     */
    public static CommandLineMetaDb deploy(Shell shell, String cluster, List<LabHost> hosts, Path bundle, String rootPassword,
                                           String proxyroPassword) throws IOException {
        CommandLineMetaDb metaDb = new CommandLineMetaDb(shell, cluster, hosts);
        metaDb.install(bundle);
        metaDb.startObservers();
        metaDb.bootstrap(rootPassword, proxyroPassword);
        metaDb.startObproxies(proxyroPassword);
        return metaDb;
    }

    public String cluster() {
        return cluster;
    }

    public List<LabHost> hosts() {
        return hosts;
    }

    /** {@code zone<n>} for the n-th host (from 1). */
    public String zone(LabHost host) {
        return "zone" + (hosts.indexOf(host) + 1);
    }

    /** Puts the bundle on every host (a file copy into the host's root, standing for the upload) and installs its RPMs. */
    public void install(Path bundle) throws IOException {
        for (LabHost h : hosts) {
            Files.copy(bundle, h.root().resolve("root").resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            require(shell.run(h, "mkdir -p /root/rpms && cd /root/rpms && tar xf ../" + bundle.getFileName() + " && rpm -ivh *.rpm",
                    null), h, "rpm -ivh");
        }
    }

    /** The documented observer options for {@code host} (Step 3.1): its address and zone, the store, every host in the rs list. */
    public String observerArgs(LabHost host) {
        String rsList = String.join(";", hosts.stream().map(h -> h.address() + ":" + RPC_PORT + ":" + SQL_PORT).toList());
        return "-I " + host.address() + " -P " + RPC_PORT + " -p " + SQL_PORT + " -z " + zone(host) + " -d " + HOME + "/store/"
                + cluster + " -r '" + rsList + "' -c 1 -n " + cluster
                + " -o \"memory_limit=8G,system_memory=2G,datafile_size=20G,log_disk_size=20G,cpu_count=8\"";
    }

    /** {@code bin/observer <args>} from the observer's home, after making the store directory. */
    public Result startObserver(LabHost host, String args) throws IOException {
        return shell.run(host, "mkdir -p " + HOME + "/store/" + cluster + " && cd " + HOME + " && " + HOME + "/bin/observer "
                + args, null);
    }

    public void startObservers() throws IOException {
        for (LabHost h : hosts) {
            require(startObserver(h, observerArgs(h)), h, "bin/observer");
        }
    }

    /** From the first host: the bootstrap with every zone as root@sys (empty password), then root's password and proxyro. */
    public void bootstrap(String rootPassword, String proxyroPassword) throws IOException {
        String zones = String.join(", ", hosts.stream().map(h -> "ZONE '" + zone(h) + "' SERVER '" + h.address() + ":"
                + RPC_PORT + "'").toList());
        LabHost first = hosts.get(0);
        requireSql(first, "root@sys", "", "SET SESSION ob_query_timeout=1000000000; ALTER SYSTEM BOOTSTRAP " + zones
                + "; ALTER USER root IDENTIFIED BY '" + rootPassword + "'");
        requireSql(first, "root@sys", rootPassword, "CREATE USER IF NOT EXISTS proxyro IDENTIFIED BY '" + proxyroPassword
                + "'; GRANT SELECT ON *.* TO proxyro");
    }

    /** The documented obproxy options: every observer's SQL port, {@code observer_sys_password} the SHA1 of proxyro's. */
    public String obproxyArgs(String proxyroPassword, int port) {
        return "-r '" + String.join(";", hosts.stream().map(h -> h.address() + ":" + SQL_PORT).toList()) + "' -p " + port
                + " -o \"observer_sys_password=" + sha1Hex(proxyroPassword) + ",enable_strict_kernel_release=false,"
                + "enable_cluster_checkout=false,enable_metadb_used=false\" -c " + cluster;
    }

    /** {@code bin/obproxy <args>} from obproxy's home. */
    public Result startObproxy(LabHost host, String args) throws IOException {
        return shell.run(host, "cd " + PROXY_HOME + " && bin/obproxy " + args, null);
    }

    /** An obproxy on {@link #PROXY_PORT} of every host. */
    public void startObproxies(String proxyroPassword) throws IOException {
        for (LabHost h : hosts) {
            require(startObproxy(h, obproxyArgs(proxyroPassword, PROXY_PORT)), h, "bin/obproxy");
        }
    }

    /**
     * A tenant on every zone, open to every client ({@code ob_tcp_invited_nodes = '%'}), unit {@code <tenant>_unit} and
     * pool {@code <tenant>_pool}; in it, as its root (empty password), {@code user} with all privileges and {@code database}.
     */
    public void tenant(String rootPassword, String tenant, String user, String password, String database) throws IOException {
        String zoneList = String.join(",", hosts.stream().map(h -> "'" + zone(h) + "'").toList());
        requireSql(hosts.get(0), "root@sys", rootPassword, "CREATE RESOURCE UNIT IF NOT EXISTS " + tenant + "_unit MAX_CPU = 2,"
                + " MEMORY_SIZE = '5G'; CREATE RESOURCE POOL " + tenant + "_pool UNIT = '" + tenant + "_unit', UNIT_NUM = 1,"
                + " ZONE_LIST = (" + zoneList + "); CREATE TENANT IF NOT EXISTS " + tenant + " RESOURCE_POOL_LIST = ('" + tenant
                + "_pool') SET ob_tcp_invited_nodes = '%'");
        requireSql(hosts.get(0), "root@" + tenant, "", "CREATE DATABASE IF NOT EXISTS " + database + "; CREATE USER IF NOT EXISTS "
                + user + " IDENTIFIED BY '" + password + "'; GRANT ALL ON *.* TO " + user);
    }

    /** OCP's two tenants: {@code ocp_meta} (meta_user, meta_database) and {@code ocp_monitor} (monitor_user, monitor_database). */
    public void ocpTenants(String rootPassword, String metaPassword, String monitorPassword) throws IOException {
        tenant(rootPassword, "ocp_meta", "meta_user", metaPassword, "meta_database");
        tenant(rootPassword, "ocp_monitor", "monitor_user", monitorPassword, "monitor_database");
    }

    /** {@code obclient} on {@code from} against {@code to:port}, the password in {@code MYSQL_PWD} and the statements on stdin. */
    public Result sql(LabHost from, LabHost to, int port, String user, String password, String statements) throws IOException {
        return shell.run(from, "IFS= read -r MYSQL_PWD; export MYSQL_PWD; obclient -h " + to.address() + " -P" + port + " -u"
                + user + " -N", password + "\n" + statements + "\n");
    }

    /** The SHA1 hex of a password, as obproxy's {@code observer_sys_password} wants proxyro's. */
    public static String sha1Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireSql(LabHost host, String user, String password, String statements) throws IOException {
        require(sql(host, host, SQL_PORT, user, password, statements), host, "obclient -u" + user);
    }

    private static void require(Result result, LabHost host, String what) {
        if (result.status() != 0) {
            throw new IllegalStateException(what + " on " + host.name() + " exited with " + result.status() + ": " + result.err()
                    + result.out());
        }
    }
}
