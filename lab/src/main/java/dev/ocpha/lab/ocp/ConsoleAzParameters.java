package dev.ocpha.lab.ocp;

import dev.ocpha.lab.standins.ConsoleForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's per-AZ parameter list (系统管理 > OCP 多可用区模式 > 参数列表 > 修改, oceanbase/ocp-doc@V4.2.2
 * zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/300.manage-multi-zone-parameters.md), which an operator
 * (a test, the demo) submits to the lab path {@code POST /lab/console/multi-az/parameters}: the console's own HTTP
 * calls are not documented. Fields: {@code az} and the document's parameters. This instance then answers with them
 * (how OCP scopes a value to one AZ is not documented either; the lab keeps it with the instance until it stops).
 */
final class ConsoleAzParameters {

    static final String PATH = "/lab/console/multi-az/parameters";
    static final List<String> PARAMETERS = List.of("ocp.site.url", "ocp.config-url.site.url", "ocp.monitordb.host",
            "ocp.monitordb.port");

    private ConsoleAzParameters() {
    }

    /** HTTP status and a JSON body ({@code {"saved": true}} or {@code {"error": "<what the console shows>"}}). */
    static Object[] save(OcpServer server, byte[] body) {
        Map<String, String> form = ConsoleForm.parse(body);
        if (form.getOrDefault("az", "").isBlank()) {
            return answer(400, "请选择可用区 (the form needs the AZ)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().equals("az")) {
                continue;
            }
            if (!PARAMETERS.contains(field.getKey())) {
                return answer(400, "参数不存在 (no per-AZ parameter '" + field.getKey() + "'; they are " + PARAMETERS + ")");
            }
            String invalid = ConfigProperties.invalid(field.getKey(), field.getValue());
            if (invalid != null) {
                return answer(400, "参数值不合法 (" + invalid + ")");
            }
            values.put(field.getKey(), field.getValue());
        }
        server.azParameters(form.get("az"), values);
        return new Object[] {200, OcpServer.JSON.createObjectNode().put("saved", true).put("az", form.get("az")).toString()};
    }

    private static Object[] answer(int status, String error) {
        return new Object[] {status, OcpServer.JSON.createObjectNode().put("error", error).toString()};
    }
}
