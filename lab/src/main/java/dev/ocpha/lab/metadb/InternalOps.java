package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What OCP itself keeps in its MetaDB database, as the lab's OCP server and {@code ocp-bootstrap} read and write it over
 * the wire: system parameters, this cluster's multi-cluster settings and, in a LEADER's MetaDB, the multi-cluster table
 * ({@code ocp_multi_cluster}). Every operation needs a session with a database (the OCP's {@code OCP_METADB_DBNAME}).
 */
final class InternalOps {
    private final MetaDbRegistry registry;

    InternalOps(MetaDbRegistry registry) {
        this.registry = registry;
    }

    ObjectNode handle(SqlEngine.Session session, JsonNode request) throws SqlFailure {
        if (session.database == null) {
            throw new SqlFailure(1046, "3D000", "No database selected");
        }
        String op = request.path("op").asText();
        String[] error = new String[1];
        ObjectNode reply = registry.update(all -> {
            MetaDbState.Tenant t = all.get(session.cluster).tenants.get(session.tenant);
            String db = session.database;
            ObjectNode r = SqlEngine.JSON.createObjectNode();
            switch (op) {
                case "configGet" -> {
                    ObjectNode config = r.putObject("config");
                    t.config.getOrDefault(db, Map.of()).forEach(config::put);
                }
                case "configSet" -> t.config.computeIfAbsent(db, k -> new LinkedHashMap<>())
                        .put(request.path("name").asText(), request.path("value").asText());
                case "configSetIfAbsent" -> {
                    Map<String, String> config = t.config.computeIfAbsent(db, k -> new LinkedHashMap<>());
                    request.path("values").fields().forEachRemaining(e -> config.putIfAbsent(e.getKey(), e.getValue().asText()));
                }
                case "mcGet" -> {
                    MetaDbState.McConfig mc = t.mc.get(db);
                    r.set("mc", mc == null ? null : SqlEngine.JSON.valueToTree(mc));
                }
                case "mcEnable" -> {
                    MetaDbState.McConfig mc = t.mc.computeIfAbsent(db, k -> new MetaDbState.McConfig());
                    if (mc.clusterName != null && mc.clusterId != request.path("clusterId").asInt() && mc.leaderHost != null) {
                        error[0] = "this OCP is registered to the LEADER at " + mc.leaderHost + ":" + mc.leaderPort
                                + " as cluster " + mc.clusterId;
                        return r;
                    }
                    mc.clusterId = request.path("clusterId").asInt();
                    mc.clusterName = request.path("clusterName").asText();
                    mc.role = request.path("role").asText();
                }
                case "mcBind" -> {
                    MetaDbState.McConfig mc = t.mc.get(db);
                    mc.leaderHost = request.path("leaderHost").asText();
                    mc.leaderPort = request.path("leaderPort").asInt();
                    mc.leaderUser = request.path("leaderUser").asText();
                    mc.leaderDatabase = request.path("leaderDatabase").asText();
                    mc.leaderPassword = request.path("leaderPassword").asText();
                }
                case "mcRegister", "mcHeartbeat" -> {
                    MetaDbState.McConfig own = t.mc.get(db);
                    int id = request.path("clusterId").asInt();
                    boolean self = own != null && own.clusterId == id;
                    if (op.equals("mcRegister") && (own == null || !"LEADER".equals(own.role))) {
                        error[0] = "the MetaDB database " + db + " of cluster " + session.cluster
                                + " does not belong to a LEADER OCP (enableMc … LEADER and a restart first)";
                        return r;
                    }
                    Map<Integer, MetaDbState.McRow> table = t.mcTable.computeIfAbsent(db, k -> new LinkedHashMap<>());
                    MetaDbState.McRow row = table.get(id);
                    if (row != null && !row.clusterName.equals(request.path("clusterName").asText())) {
                        error[0] = "cluster id " + id + " is already registered as " + row.clusterName;
                        return r;
                    }
                    if (row == null) {
                        if (op.equals("mcHeartbeat") && !self) {
                            error[0] = "cluster " + id + " is not registered here";
                            return r;
                        }
                        row = new MetaDbState.McRow();
                        row.clusterId = id;
                        row.clusterName = request.path("clusterName").asText();
                        table.put(id, row);
                    }
                    row.role = request.path("role").asText();
                    row.version = request.path("version").asText();
                    row.accessAddress = request.path("accessAddress").asText();
                    if (op.equals("mcHeartbeat")) {
                        row.heartbeatTime = Instant.now().toString();
                        row.syncStatus = "SYNCED";
                    }
                }
                default -> error[0] = "unknown operation " + op;
            }
            return r;
        });
        if (error[0] != null) {
            throw new SqlFailure(4179, "HY000", error[0]);
        }
        return reply;
    }
}
