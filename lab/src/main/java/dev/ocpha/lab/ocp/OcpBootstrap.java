package dev.ocpha.lab.ocp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.lab.metadb.MetaDbClient;
import dev.ocpha.lab.metadb.SqlFailure;
import dev.ocpha.lab.standins.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /home/admin/ocp-server/bin/ocp-bootstrap} inside an OCP container, as oceanbase/ocp-doc@V4.2.2
 * {@code zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/900.multi-cluster-mode-switch.md} shows it:
 * {@code ./ocp-bootstrap -i} opens an interactive session (prompt {@code ocp-bootstrap>}) that knows
 * {@code enableMc <OCP_CLUSTER_ID> <OCP_CLUSTER_NAME> LEADER|FOLLOWER} and {@code unregisterMc}, working on the
 * MetaDB the container's {@code OCP_METADB_*} name. Anything else is an unknown command; arguments other than
 * {@code -i} get the usage. Assumptions where the doc is silent: the session reads its commands from standard input
 * until {@code exit} or its end, prints {@code ERROR: …} for a command that fails and goes on, and ends with status 0
 * like an interactive shell; {@code enableMc} on a cluster already in the mode writes the setting again.
 */
public final class OcpBootstrap {
    private static final String PROMPT = "ocp-bootstrap> ";
    private static final List<String> METADB_ENV = List.of("OCP_METADB_HOST", "OCP_METADB_PORT", "OCP_METADB_USER",
            "OCP_METADB_PASSWORD", "OCP_METADB_DBNAME");

    private OcpBootstrap() {
    }

    public static int run(ToolCall c) throws IOException {
        if (!c.env().containsKey("LAB_CONTAINER")) {
            // the tool exists inside the OCP image only
            return c.fail(127, "bash: " + OcpServer.BOOTSTRAP_PATH + ": No such file or directory");
        }
        if (!c.args().equals(List.of("-i"))) {
            return c.fail(2, "usage: ocp-bootstrap -i   (interactive mode; commands: enableMc <OCP_CLUSTER_ID> "
                    + "<OCP_CLUSTER_NAME> LEADER|FOLLOWER, unregisterMc, exit)");
        }
        for (String name : METADB_ENV) {
            if (!c.env().containsKey(name)) {
                return c.fail(1, "ERROR: " + name + " is not exported: set OCP_METADB_HOST/PORT/USER/PASSWORD/DBNAME first");
            }
        }
        StringBuilder out = new StringBuilder(PROMPT);
        for (String line : new String(c.stdin(), StandardCharsets.UTF_8).split("\n")) {
            List<String> words = List.of(line.strip().split("\\s+"));
            if (words.get(0).isEmpty()) {
                out.append(PROMPT);
                continue;
            }
            if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
                break;
            }
            out.append(switch (words.get(0)) {
                case "enableMc" -> enableMc(c, words);
                case "unregisterMc" -> unregisterMc(c);
                default -> "ERROR: unknown command '" + words.get(0) + "' (enableMc, unregisterMc, exit)";
            }).append('\n').append(PROMPT);
        }
        c.out(out.append('\n').toString());
        return 0;
    }

    private static MetaDbClient ownMetaDb(ToolCall c) throws SqlFailure {
        Map<String, String> env = c.env();
        if (!env.get("OCP_METADB_PORT").matches("\\d{1,5}")) {
            throw new SqlFailure(2003, "HY000", "OCP_METADB_PORT is not a port");
        }
        return MetaDbClient.connect(c.host().address(), env.get("OCP_METADB_HOST"), Integer.parseInt(env.get("OCP_METADB_PORT")),
                env.get("OCP_METADB_USER"), env.get("OCP_METADB_PASSWORD"), env.get("OCP_METADB_DBNAME"));
    }

    private static String unreachable(ToolCall c, SqlFailure f) {
        return "ERROR: cannot connect to this OCP's MetaDB at " + c.env().get("OCP_METADB_HOST") + ":"
                + c.env().get("OCP_METADB_PORT") + ": " + f.mysqlLine();
    }

    private static String enableMc(ToolCall c, List<String> a) {
        if (a.size() != 4 || !a.get(1).matches("[1-9]\\d{0,8}") || !a.get(2).matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
                || !List.of("LEADER", "FOLLOWER").contains(a.get(3))) {
            return "ERROR: usage: enableMc <OCP_CLUSTER_ID (positive number)> <OCP_CLUSTER_NAME> <LEADER|FOLLOWER>";
        }
        MetaDbClient own;
        try {
            own = ownMetaDb(c);
        } catch (SqlFailure f) {
            return unreachable(c, f);
        }
        try (own) {
            own.op(OcpServer.JSON.createObjectNode().put("op", "mcEnable").put("clusterId", Integer.parseInt(a.get(1)))
                    .put("clusterName", a.get(2)).put("role", a.get(3)));
        } catch (SqlFailure f) {
            return "ERROR: " + f.getMessage();
        }
        return "enableMc success: cluster " + a.get(1) + " " + a.get(2) + " " + a.get(3)
                + "; restart OCP (docker restart) on every instance of this cluster to take effect";
    }

    private static String unregisterMc(ToolCall c) {
        try (MetaDbClient own = ownMetaDb(c)) {
            JsonNode mc = own.op(OcpServer.JSON.createObjectNode().put("op", "mcGet")).get("mc");
            if (mc == null || mc.isNull() || !mc.hasNonNull("leaderHost")) {
                return "ERROR: this cluster is not registered to a LEADER";
            }
            String warning = "";
            try (MetaDbClient leader = MetaDbClient.connect(c.host().address(), mc.get("leaderHost").asText(),
                    mc.get("leaderPort").asInt(), mc.get("leaderUser").asText(), mc.get("leaderPassword").asText(),
                    mc.get("leaderDatabase").asText())) {
                leader.op(OcpServer.JSON.createObjectNode().put("op", "mcRemove").put("clusterId", mc.path("clusterId").asInt()));
            } catch (SqlFailure f) {
                warning = "WARN: the LEADER's MetaDB is unreachable (" + f.mysqlLine() + "); unbinding locally only\n";
            }
            own.op(OcpServer.JSON.createObjectNode().put("op", "mcUnbind"));
            return warning + "unregisterMc success";
        } catch (SqlFailure f) {
            return unreachable(c, f);
        }
    }
}
