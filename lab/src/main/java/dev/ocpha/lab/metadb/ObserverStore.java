package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.lab.standins.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An observer's store directory ({@code -d}): observer keeps {@code clog/}, {@code slog/} and {@code sstable/} there,
 * each possibly a link to another disk as the documented layout makes them (oceanbase/oceanbase-doc@V4.2.5
 * {@code …/400.deploy-three-oceanbase-replica-clusters.md}, Step 2), and wiping them is how a server is re-created
 * (same page: "kill observer, rm -rf those dirs"). The lab keeps the server's identity with its data, in
 * {@code sstable/lab-server.json}: a store without it is a new server.
 */
record ObserverStore(String serverId, Path identity) {
    private static final String IDENTITY = "sstable/lab-server.json";

    /** Opens the store of {@code dataDir} (a directory of the host) for {@code cluster}, making a new server if it is fresh. */
    static ObserverStore open(Path hostRoot, String dataDir, String cluster) throws StartRefused, IOException {
        for (String dir : new String[] {"clog", "slog", "sstable"}) {
            Files.createDirectories(HostPaths.resolve(hostRoot, "/", dataDir + "/" + dir));
        }
        Path identity = HostPaths.resolve(hostRoot, "/", dataDir + "/" + IDENTITY);
        if (Files.isRegularFile(identity)) {
            JsonNode known = SqlEngine.JSON.readTree(identity.toFile());
            if (!known.path("cluster").asText().equals(cluster)) {
                throw new StartRefused("[ERROR] -d " + dataDir + " holds a server of cluster '" + known.path("cluster").asText()
                        + "', not '" + cluster + "'");
            }
            return new ObserverStore(known.path("server").asText(), identity);
        }
        String server = UUID.randomUUID().toString();
        Files.writeString(identity, SqlEngine.JSON.createObjectNode().put("cluster", cluster).put("server", server).toString());
        return new ObserverStore(server, identity);
    }

    /** Whether the store of a registered server still holds it (not wiped, not re-created as another server). */
    static boolean holds(MetaDbState.Replica server) {
        try {
            Path identity = server.store() == null ? null : Path.of(server.store());
            return identity != null && Files.isRegularFile(identity)
                    && SqlEngine.JSON.readTree(identity.toFile()).path("server").asText().equals(server.serverId());
        } catch (IOException e) {
            return false;
        }
    }
}
