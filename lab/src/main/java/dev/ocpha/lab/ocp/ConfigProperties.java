package dev.ocpha.lab.ocp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code OCP_CONFIG_PROPERTIES} as the OCP container reads it at its first boot: one system parameter per line,
 * {@code name:value} (oceanbase/ocp-doc@V4.2.2 {@code zh-CN/300.deployment-guide/200.deploying-community-ocp/
 * 550.docker-deploy-ocp.md}), and the values of the parameters the stand-in uses (oceanbase/ocp-doc@V4.2.2
 * {@code zh-CN/1600.system-management-features/300.manage-system-parameter/300.ocp-configuration-parameters.md}).
 */
final class ConfigProperties {
    static final String VARIABLE = "OCP_CONFIG_PROPERTIES";

    private ConfigProperties() {
    }

    /**
     * Every line {@code name:value}; a blank line is skipped. A line without a name, or a value OCP cannot take for
     * a parameter the stand-in uses, fails the boot: the message says which line and why.
     */
    static Map<String, String> parse(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (text == null) {
            return properties;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException(VARIABLE + " line " + (i + 1) + " '" + line
                        + "' is not name:value (one system parameter per line)");
            }
            String value = line.substring(colon + 1).strip();
            String invalid = invalid(name, value);
            if (invalid != null) {
                throw new IllegalArgumentException(VARIABLE + " line " + (i + 1) + ": " + invalid);
            }
            properties.put(name, value);
        }
        return properties;
    }

    /** The {@code name:value} lines that parse, ignoring the rest: for what the container publishes before it boots. */
    static Map<String, String> lenient(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : text == null ? new String[0] : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                properties.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return properties;
    }

    /** Values before anything is set; the MonitorDB ones default to what the container's environment says. */
    static Map<String, String> defaults(Map<String, String> env) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("server.port", "8080");
        d.put("ocp.site.url", "http://localhost:8080");
        d.put("ocp.config-url.site.url", "");
        d.put("ocp.monitordb.host", env.getOrDefault("OCP_METADB_HOST", ""));
        d.put("ocp.monitordb.port", env.getOrDefault("OCP_METADB_PORT", ""));
        d.put("ocp.monitordb.username", env.getOrDefault("OCP_MONITORDB_USER", ""));
        d.put("ocp.monitordb.database", env.getOrDefault("OCP_MONITORDB_DBNAME", ""));
        d.put("obsdk.ob.connection.mode", "direct");
        return d;
    }

    /** Null when {@code value} is acceptable for {@code name}, else why not. */
    static String invalid(String name, String value) {
        return switch (name) {
            case "server.port", "ocp.monitordb.port" -> value.matches("\\d{1,5}") && Integer.parseInt(value) > 0
                    && Integer.parseInt(value) < 65536 ? null : name + " must be a port number (1-65535), not '" + value + "'";
            case "ocp.site.url" -> value.matches("http://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?") ? null
                    : "ocp.site.url must be http://host[:port] without a path or trailing '/', not '" + value + "'";
            case "ocp.config-url.site.url" -> value.isEmpty() || value.matches("http://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?") ? null
                    : "ocp.config-url.site.url must be empty or http://host[:port], not '" + value + "'";
            default -> null;
        };
    }
}
