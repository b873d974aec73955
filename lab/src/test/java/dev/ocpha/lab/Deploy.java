package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shell a deployer would run on lab hosts, for the stand-in tests: media, a MetaDB ({@link CommandLineMetaDb}), an OCP. */
final class Deploy {
    static final String ROOT_PW = "R00t#Secret-pw";
    static final String PROXYRO_PW = "Pr0xy#Secret-pw";
    static final String META_PW = "Meta#Secret-pw1";
    static final String MONITOR_PW = "Mon1tor#Secret-pw";
    static final String ADMIN_PW = "Adm1n#Secret-pw";

    private Deploy() {
    }

    /** Uploads OCP's image (as the executor would, here by copying into the host root) and loads it. */
    static void media(LabFleet fleet, LabHost host, Path mediaDir) throws IOException {
        Files.createDirectories(host.root().resolve("data/media"));
        Files.copy(mediaDir.resolve(LabMedia.OCP.name() + ".tar"), host.root().resolve("data/media/" + LabMedia.OCP.name() + ".tar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SshjClient.Result r = SshjClient.run(fleet, host, "docker load -i /data/media/" + LabMedia.OCP.name() + ".tar");
        assertEquals(0, r.status(), r.err());
    }

    /** The MetaDB {@code cluster} of {@code hosts} (one zone each) deployed the documented way, with OCP's meta and monitor tenants. */
    static CommandLineMetaDb metaDb(LabFleet fleet, Path mediaDir, String cluster, LabHost... hosts) throws IOException {
        CommandLineMetaDb metaDb = CommandLineMetaDb.deploy(SshjClient.shell(fleet), cluster, List.of(hosts),
                mediaDir.resolve(LabMedia.OCEANBASE_CE_NAME + ".tar"), ROOT_PW, PROXYRO_PW);
        metaDb.ocpTenants(ROOT_PW, META_PW, MONITOR_PW);
        return metaDb;
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
