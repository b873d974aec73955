package dev.ocpha.lab.ocp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocpha.lab.metadb.MetaDbClient;
import dev.ocpha.lab.metadb.SqlFailure;
import dev.ocpha.lab.standins.ConsoleForm;
import java.util.List;
import java.util.Map;

/**
 * The standby console's "绑定到主 OCP" (oceanbase/ocp-doc@V4.2.2 zh-CN/1200.manage-disaster-recovery/
 * 300.ocp-multi-cluster-mode/200.register-an-ocp-cluster.md), which an operator (a test, the demo) submits to the lab
 * path {@code POST /lab/console/multi-cluster/bind}: the console's own HTTP calls are not documented, so the lab does
 * not pretend to know them. The form's fields are the document's: {@code host}, {@code port}, {@code user},
 * {@code password}, {@code database} of the primary's MetaDB. The binding is made only when those values log in,
 * and recorded where the primary's MetaDB keeps its clusters.
 */
final class ConsoleBinding {

    static final String PATH = "/lab/console/multi-cluster/bind";
    private static final List<String> FIELDS = List.of("host", "port", "user", "password", "database");

    private ConsoleBinding() {
    }

    /** HTTP status and a JSON body ({@code {"bound": true}} or {@code {"error": "<what the console shows>"}}). */
    static Object[] bind(OcpServer server, String localAddress, MetaDbClient own, byte[] body) {
        Map<String, String> form = ConsoleForm.parse(body);
        for (String field : FIELDS) {
            if (form.getOrDefault(field, "").isBlank()) {
                return answer(400, "请输入 " + field + " (the form needs the primary MetaDB's " + field + ")");
            }
        }
        if (!form.get("port").matches("\\d{1,5}")) {
            return answer(400, "端口格式错误 (port '" + form.get("port") + "' is not a port)");
        }
        JsonNode running = server.multiCluster();
        if (running == null || !"FOLLOWER".equals(running.path("role").asText())) {
            return answer(409, "当前 OCP 未处于多集群模式的备集群状态 (this OCP does not run as a multi-cluster standby;"
                    + " the console shows no 欢迎使用多集群模式 page)");
        }
        int port = Integer.parseInt(form.get("port"));
        try (MetaDbClient primary = MetaDbClient.connect(localAddress, form.get("host"), port, form.get("user"),
                form.get("password"), form.get("database"))) {
            primary.op(OcpServer.JSON.createObjectNode().put("op", "mcRegister")
                    .put("clusterId", running.path("clusterId").asInt())
                    .put("clusterName", running.path("clusterName").asText()).put("role", "FOLLOWER")
                    .put("version", server.buildVersion()).put("accessAddress", server.accessAddress()));
        } catch (SqlFailure f) {
            return answer(400, "连接主 OCP 的 MetaDB 失败 (cannot connect to the primary's MetaDB at " + form.get("host")
                    + ":" + port + "): " + f.mysqlLine());
        }
        try {
            own.op(OcpServer.JSON.createObjectNode().put("op", "mcBind").put("leaderHost", form.get("host"))
                    .put("leaderPort", port).put("leaderUser", form.get("user"))
                    .put("leaderDatabase", form.get("database")).put("leaderPassword", form.get("password")));
        } catch (SqlFailure f) {
            return answer(500, "绑定失败 (binding failed): " + f.mysqlLine());
        }
        ObjectNode bound = OcpServer.JSON.createObjectNode().put("bound", true).put("primary", form.get("host") + ":"
                + port);
        return new Object[] {200, bound.toString()};
    }

    private static Object[] answer(int status, String error) {
        return new Object[] {status, OcpServer.JSON.createObjectNode().put("error", error).toString()};
    }
}
