package dev.ocpha.lab.ocp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.lab.metadb.MetaDbClient;
import dev.ocpha.lab.metadb.SqlFailure;
import dev.ocpha.lab.standins.ContainerProcess;
import dev.ocpha.lab.standins.ToolCall;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /home/admin/ocp-server/bin/ocp-bootstrap} inside an OCP container (ocp-facts §8.3), reached with
 * {@code docker exec [-i] <ocp> …}: {@code enableMc} and {@code showMc}, on the container's MetaDB
 * ({@code OCP_METADB_*}) over real TCP. Registering a standby is not a command: OCP offers it in the standby's
 * console only ({@link ConsoleBinding}).
 */
public final class OcpBootstrap {
    private OcpBootstrap() {
    }

    public static int run(ToolCall c) throws IOException {
        List<String> a = c.args();
        if (a.isEmpty()) {
            return c.fail(2, "usage: ocp-bootstrap enableMc <id> <name> LEADER|FOLLOWER | showMc");
        }
        Map<String, String> env = c.env();
        for (String name : List.of("OCP_METADB_HOST", "OCP_METADB_PORT", "OCP_METADB_USER", "OCP_METADB_PASSWORD", "OCP_METADB_DBNAME")) {
            if (!env.containsKey(name)) {
                return c.fail(1, "ERROR: " + name + " is not exported (ocp-bootstrap runs inside the OCP container)");
            }
        }
        try (MetaDbClient own = ownMetaDb(c)) {
            return switch (a.get(0)) {
                case "enableMc" -> enableMc(c, own, a);
                case "showMc" -> showMc(c, own);
                default -> c.fail(2, "ERROR: unknown command '" + a.get(0) + "' (enableMc, showMc)");
            };
        } catch (SqlFailure f) {
            return c.fail(1, "ERROR: cannot connect to this OCP's MetaDB at " + env.get("OCP_METADB_HOST") + ":"
                    + env.get("OCP_METADB_PORT") + ": " + f.mysqlLine());
        }
    }

    private static MetaDbClient ownMetaDb(ToolCall c) throws SqlFailure {
        Map<String, String> env = c.env();
        if (!env.get("OCP_METADB_PORT").matches("\\d{1,5}")) {
            throw new SqlFailure(2003, "HY000", "OCP_METADB_PORT is not a port");
        }
        return MetaDbClient.connect(c.host().address(), env.get("OCP_METADB_HOST"), Integer.parseInt(env.get("OCP_METADB_PORT")),
                env.get("OCP_METADB_USER"), env.get("OCP_METADB_PASSWORD"), env.get("OCP_METADB_DBNAME"));
    }

    private static int enableMc(ToolCall c, MetaDbClient own, List<String> a) throws IOException, SqlFailure {
        if (a.size() != 4 || !a.get(1).matches("[1-9]\\d{0,8}") || !a.get(2).matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
                || !List.of("LEADER", "FOLLOWER").contains(a.get(3))) {
            return c.fail(2, "usage: enableMc <OCP_CLUSTER_ID (positive number)> <OCP_CLUSTER_NAME> <LEADER|FOLLOWER>");
        }
        try {
            own.op(OcpServer.JSON.createObjectNode().put("op", "mcEnable").put("clusterId", Integer.parseInt(a.get(1)))
                    .put("clusterName", a.get(2)).put("role", a.get(3)));
        } catch (SqlFailure f) {
            return c.fail(1, "ERROR: " + f.getMessage());
        }
        c.out("enableMc success: cluster " + a.get(1) + " " + a.get(2) + " " + a.get(3)
                + "; restart OCP (docker restart) on every instance of this cluster to take effect\n");
        return 0;
    }

    private static int showMc(ToolCall c, MetaDbClient own) throws IOException, SqlFailure {
        JsonNode mc = own.op(OcpServer.JSON.createObjectNode().put("op", "mcGet")).get("mc");
        Optional<OcpServer> server = server(c);
        JsonNode running = server.map(OcpServer::multiCluster).orElse(null);
        if (mc == null || mc.isNull()) {
            c.out("mode: STANDALONE\nbinding: none\n");
            return 0;
        }
        boolean effective = running != null && running.path("clusterId").asInt() == mc.path("clusterId").asInt()
                && running.path("role").asText().equals(mc.path("role").asText());
        c.out("cluster_id: " + mc.path("clusterId").asInt() + "\ncluster_name: " + mc.path("clusterName").asText()
                + "\nrole: " + mc.path("role").asText() + "\nmode: MULTI_CLUSTER" + (effective ? "" : " (restart pending)")
                + "\nbinding: " + (mc.hasNonNull("leaderHost") ? mc.get("leaderHost").asText() + ":" + mc.get("leaderPort").asInt()
                + " " + mc.get("leaderDatabase").asText() + " as " + mc.get("leaderUser").asText() : "none") + "\n");
        return 0;
    }

    private static Optional<OcpServer> server(ToolCall c) {
        String name = c.env().get("LAB_CONTAINER");
        if (name == null) {
            return Optional.empty();
        }
        Optional<ContainerProcess> process = c.host().docker().process(name);
        return process.filter(OcpServer.class::isInstance).map(OcpServer.class::cast);
    }
}
