package dev.ocpha.lab.ocp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system parameters the lab's OCP knows (ocp-facts §6.4, §8.2, §9), with whether a change needs a restart. OCP
 * documents the parameters but no REST API for them: {@code GET/PUT /api/v2/config/systemParameters} is our model.
 */
record SystemParameter(String name, boolean needsRestart, boolean secret, String description) {
    static final Map<String, SystemParameter> ALL = new LinkedHashMap<>();

    static {
        add("server.port", true, false, "HTTP port of OCP-Server");
        add("ocp.site.url", false, false, "external URL of OCP (VIP or domain:port, no trailing /)");
        add("ocp.config-url.site.url", false, false, "address of the ConfigUrl service when deployed separately");
        add("ocp.config-url.use-request-address", false, false, "ConfigUrl answers with the requester's address");
        add("ocp.system.obproxy.address", false, false, "OBProxy address OCP uses");
        add("ocp.system.obproxy.port", false, false, "OBProxy port OCP uses");
        add("ocp.monitordb.host", true, false, "MonitorDB host (LB/DNS/VIP)");
        add("ocp.monitordb.port", true, false, "MonitorDB port");
        add("ocp.monitordb.username", true, false, "MonitorDB user");
        add("ocp.monitordb.password", true, true, "MonitorDB password");
        add("ocp.monitordb.database", true, false, "MonitorDB database");
        add("ocp.system.default.timezone", true, false, "default time zone");
        add("ocp.system.default.language", true, false, "default language");
        add("ocp.multi-cluster.replication.interval.seconds", false, false, "how often standbys sync from the primary");
        add("obsdk.ob.connection.mode", true, false, "direct or proxy connections to OceanBase");
    }

    private static void add(String name, boolean restart, boolean secret, String description) {
        ALL.put(name, new SystemParameter(name, restart, secret, description));
    }

    /** Values before anything is set; the MetaDB and monitordb ones come from the container's environment. */
    static Map<String, String> defaults(Map<String, String> env) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("server.port", "8080");
        d.put("ocp.site.url", "http://localhost:8080");
        d.put("ocp.config-url.site.url", "");
        d.put("ocp.config-url.use-request-address", "true");
        d.put("ocp.system.obproxy.address", "");
        d.put("ocp.system.obproxy.port", "2883");
        d.put("ocp.monitordb.host", env.getOrDefault("OCP_METADB_HOST", ""));
        d.put("ocp.monitordb.port", env.getOrDefault("OCP_METADB_PORT", ""));
        d.put("ocp.monitordb.username", env.getOrDefault("OCP_MONITORDB_USER", ""));
        d.put("ocp.monitordb.password", "");
        d.put("ocp.monitordb.database", env.getOrDefault("OCP_MONITORDB_DBNAME", ""));
        d.put("ocp.system.default.timezone", "Asia/Shanghai");
        d.put("ocp.system.default.language", "zh-CN");
        d.put("ocp.multi-cluster.replication.interval.seconds", "60");
        d.put("obsdk.ob.connection.mode", "direct");
        return d;
    }

    /** Null when {@code value} is acceptable, else why not. */
    String invalid(String value) {
        return switch (name) {
            case "server.port", "ocp.monitordb.port", "ocp.system.obproxy.port" ->
                    value.matches("\\d{1,5}") && Integer.parseInt(value) > 0 && Integer.parseInt(value) < 65536 ? null
                            : name + " must be a port number (1-65535), not '" + value + "'";
            case "ocp.site.url" -> value.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?") ? null
                    : "ocp.site.url must be http(s)://host[:port] without a path or trailing '/', not '" + value + "'";
            case "ocp.config-url.site.url" -> value.isEmpty() || value.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?(/[^\\s]*)?") ? null
                    : "ocp.config-url.site.url must be empty or an http(s) URL, not '" + value + "'";
            case "ocp.config-url.use-request-address" -> value.equals("true") || value.equals("false") ? null
                    : name + " must be true or false, not '" + value + "'";
            case "ocp.multi-cluster.replication.interval.seconds" -> value.matches("\\d{1,6}") ? null
                    : name + " must be a number of seconds, not '" + value + "'";
            default -> null;
        };
    }
}
