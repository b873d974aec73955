package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shell a deployer would run on lab hosts, for the stand-in tests: media, a MetaDB, tenants, an OCP. */
final class Deploy {
    static final String ROOT_PW = "R00t#Secret-pw";
    static final String META_PW = "Meta#Secret-pw1";
    static final String MONITOR_PW = "Mon1tor#Secret-pw";
    static final String ADMIN_PW = "Adm1n#Secret-pw";

    private Deploy() {
    }

    /** Uploads the media (as the executor would, here by copying into the host root) and loads them. */
    static void media(LabFleet fleet, LabHost host, Path mediaDir) throws IOException {
        for (String name : new String[] {LabMedia.OCP.name(), LabMedia.OCEANBASE.name()}) {
            Files.createDirectories(host.root().resolve("data/media"));
            Files.copy(mediaDir.resolve(name + ".tar"), host.root().resolve("data/media/" + name + ".tar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SshjClient.Result r = SshjClient.run(fleet, host, "docker load -i /data/media/" + LabMedia.OCP.name()
                + ".tar && docker load -i /data/media/" + LabMedia.OCEANBASE.name() + ".tar");
        assertEquals(0, r.status(), r.err());
    }

    /** One MetaDB replica on {@code host}, zone {@code zone} of {@code cluster}, root password from stdin. */
    static SshjClient.Result metaDb(LabFleet fleet, LabHost host, String cluster, String zone) throws IOException {
        return SshjClient.run(fleet, host, "IFS= read -r OB_ROOT_PASSWORD; export OB_ROOT_PASSWORD; docker run -d --name metadb "
                + "--network host --cpu-period 100000 --cpu-quota 400000 --memory=16G -e OB_CLUSTER_NAME=" + cluster
                + " -e OB_ZONE=" + zone + " -e OB_ROOT_PASSWORD -v /data/1:/data/1 " + LabMedia.OCEANBASE.image(), ROOT_PW + "\n");
    }

    static SshjClient.Result sql(LabFleet fleet, LabHost from, String host, String user, String password, String sql)
            throws IOException {
        return SshjClient.run(fleet, from, "IFS= read -r MYSQL_PWD; export MYSQL_PWD; obclient -h " + host + " -P 2881 -u "
                + user + " -N", password + "\n" + sql + "\n");
    }

    /** Bootstraps {@code cluster} from its first host with one zone per host, then the meta and monitor tenants. */
    static void bootstrap(LabFleet fleet, String cluster, LabHost... hosts) throws IOException {
        StringBuilder zones = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            zones.append(i == 0 ? "" : ", ").append("ZONE 'zone").append(i + 1).append("' SERVER '").append(hosts[i].address()).append(":2882'");
        }
        SshjClient.Result boot = sql(fleet, hosts[0], hosts[0].address(), "root@sys", ROOT_PW, "ALTER SYSTEM BOOTSTRAP " + zones
                + "; CREATE RESOURCE UNIT meta_unit MAX_CPU 2, MEMORY_SIZE '5G'; CREATE RESOURCE POOL meta_pool UNIT 'meta_unit', UNIT_NUM 1;"
                + " CREATE TENANT IF NOT EXISTS ocp_meta RESOURCE_POOL_LIST=('meta_pool');"
                + " CREATE RESOURCE UNIT monitor_unit MAX_CPU 4, MEMORY_SIZE '16G'; CREATE RESOURCE POOL monitor_pool UNIT 'monitor_unit', UNIT_NUM 1;"
                + " CREATE TENANT IF NOT EXISTS ocp_monitor RESOURCE_POOL_LIST=('monitor_pool')");
        assertEquals(0, boot.status(), boot.err());
        SshjClient.Result users = sql(fleet, hosts[0], hosts[0].address(), "root@ocp_meta", "",
                "CREATE USER IF NOT EXISTS meta_user IDENTIFIED BY '" + META_PW + "'; GRANT ALL ON *.* TO meta_user;"
                        + " CREATE DATABASE IF NOT EXISTS meta_database");
        assertEquals(0, users.status(), users.err());
        SshjClient.Result monitor = sql(fleet, hosts[0], hosts[0].address(), "root@ocp_monitor", "",
                "CREATE USER IF NOT EXISTS monitor_user IDENTIFIED BY '" + MONITOR_PW + "'; GRANT ALL ON *.* TO monitor_user;"
                        + " CREATE DATABASE IF NOT EXISTS monitor_database");
        assertEquals(0, monitor.status(), monitor.err());
    }

    /** An OCP container on {@code host} against the MetaDB at {@code metaDbHost}, secrets from stdin. */
    static SshjClient.Result ocp(LabFleet fleet, LabHost host, String metaDbHost, String cluster, int port) throws IOException {
        return ocp(fleet, host, metaDbHost, cluster, port, "");
    }

    /** {@code moreProperties}: further {@code key:value} lines of OCP_CONFIG_PROPERTIES, each ending in a newline. */
    static SshjClient.Result ocp(LabFleet fleet, LabHost host, String metaDbHost, String cluster, int port,
                                 String moreProperties) throws IOException {
        return SshjClient.run(fleet, host, """
                IFS= read -r OCP_METADB_PASSWORD; IFS= read -r OCP_MONITORDB_PASSWORD; IFS= read -r OCP_INITIAL_ADMIN_PASSWORD
                export OCP_METADB_PASSWORD OCP_MONITORDB_PASSWORD OCP_INITIAL_ADMIN_PASSWORD
                docker run -d --name ocp --network host --cpu-period 100000 --cpu-quota 800000 --memory=16G \\
                  -e OCP_METADB_HOST=%s -e OCP_METADB_PORT=2881 -e OCP_METADB_USER=meta_user@ocp_meta#%s \\
                  -e OCP_METADB_PASSWORD -e OCP_METADB_DBNAME=meta_database \\
                  -e OCP_MONITORDB_USER=monitor_user@ocp_monitor#%s -e OCP_MONITORDB_PASSWORD \\
                  -e OCP_MONITORDB_DBNAME=monitor_database -e OCP_INITIAL_ADMIN_PASSWORD \\
                  -e "OCP_CONFIG_PROPERTIES=%sserver.port:%d
                ocp.site.url:http://%s:%d" %s
                """.formatted(metaDbHost, cluster, cluster, moreProperties, port, host.address(), port,
                LabMedia.OCP.image()),
                META_PW + "\n" + MONITOR_PW + "\n" + ADMIN_PW + "\n");
    }
}
