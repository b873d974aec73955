package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.contracts.installer.ProfileAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * OCP on a node, as the step's installer profile says (action {@code install-ocp}). A command template (the community
 * edition) runs the OCP container as oceanbase/ocp-doc@V4.2.2
 * {@code zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md} runs it: the
 * {@code OCP_METADB_*}/{@code OCP_MONITORDB_*} environment, CPU and memory limits, host network, and the system
 * parameters in {@code OCP_CONFIG_PROPERTIES}, which OCP reads at its first start only. OCP documents no other way
 * to set them but its UI (oceanbase/ocp-doc@V4.2.2
 * {@code zh-CN/1600.system-management-features/300.manage-system-parameter/200.modify-system-parameters.md}), so an
 * existing container whose properties differ from the planned ones is a conflict for a person, not something to
 * overwrite. The three passwords reach docker through its environment, read from standard input.
 * <p>
 * An operator action (the enterprise edition, which OCP documents installing through OAT's "安装 OCP" form only,
 * oceanbase/ocp-doc@V4.2.2 {@code zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/
 * 200.deploying-ocp/200.deploying-a-high-availability-of-ocp/300.install-ocp-high-availability.md}) asks for the
 * form with the plan's values, then checks with the documented probes that OCP answers on the node: {@code okay}
 * from {@code /api/status} and the planned version in {@code /api/v2/info}. They show the result, so a node that
 * OAT installed along with another (one form takes several servers) succeeds without asking again.
 */
@ApplicationScoped
public class InstallOcpStep implements OperatorActionStep {

    static final String STATUS_PROBE = "OCP on the node answers GET /api/status with okay";
    static final String VERSION_PROBE = "OCP's GET /api/v2/info shows the planned buildVersion";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPERTIES = "OCP_CONFIG_PROPERTIES";

    @Override
    public String kind() {
        return StepKinds.INSTALL_OCP;
    }

    @Override
    public String description() {
        return "Run the OCP container with the MetaDB environment, limits, host network and its first-boot system parameters";
    }


    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("media");
        p.name("container");
        p.integer("cpu", 1, 1024);
        p.integer("memoryGb", 1, 4096);
        metaDbHost(p);
        p.port("metaDbPort");
        p.name("metaDbDatabase");
        p.name("monitorDbDatabase");
        p.require("metaPasswordRef");
        p.require("monitorPasswordRef");
        p.require("adminPasswordRef");
        p.dbUser("metaDbUser");
        p.dbUser("monitorDbUser");
        configProperties(p);
        if (p.has("az")) {
            p.name("az");
            p.host("azOcpProxy");
            p.host("azMetaDbProxy");
        }
    }

    @Override
    public boolean probesShowTheResult() {
        return true;
    }

    /** OCP refuses a MetaDB on the loopback name or address (550.docker-deploy-ocp.md): another node could not reach it. */
    private static String metaDbHost(StepParameters p) throws StepFailure {
        String host = p.host("metaDbHost");
        if (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")) {
            throw p.invalid("metaDbHost", "is " + host + ", which OCP refuses: give the MetaDB host's own address");
        }
        return host;
    }

    /**
     * {@code ocp.site.url} as OCP takes it: {@code http://host:port}, no path, no trailing {@code /}; HTTPS is not
     * supported (oceanbase/ocp-doc@V4.2.2 {@code zh-CN/1600.system-management-features/300.manage-system-parameter/
     * 300.ocp-configuration-parameters.md}).
     */
    private static String siteUrl(StepParameters p) throws StepFailure {
        String url = p.require("siteUrl");
        if (!url.matches("http://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:\\d{1,5}")) {
            throw p.invalid("siteUrl", "is '" + url + "', not http://host:port (no https, no path, no trailing '/')");
        }
        return url;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        if (context.action("install-ocp").type() == ActionType.OPERATOR) {
            return OperatorActionStep.super.run(context);
        }
        StepParameters p = context.parameters();
        MediaLibrary.Medium medium = context.medium(p.name("media"));
        String container = p.name("container");
        Map<String, String> wanted = configProperties(p);
        String inspect = context.template("read-ocp-properties", ActionType.RUN, Map.of("container", quote(container)));
        String existing = context.run("reading " + PROPERTIES + " of an existing container " + container,
                "found=$(docker ps -a --filter name=^" + container + "$ --format '{{.Names}}') || exit 75\n"
                        + "[ -n \"$found\" ] || exit 0\n"
                        + "env=$(" + inspect + ") || exit 75\n"
                        + "echo found\n"
                        // only this entry: the others hold the passwords
                        + "printf '%s\\n' \"$env\" | grep -o '\"" + PROPERTIES + "=\\([^\"\\\\]\\|\\\\.\\)*\"' || true\n");
        if (!existing.isBlank()) {
            List<String> differences = differences(runningProperties(existing), wanted);
            if (!differences.isEmpty()) {
                throw StepFailure.permanent("container " + container + " on " + context.hostAddress()
                        + " started with other system parameters: " + String.join("; ", differences)
                        + ". OCP reads " + PROPERTIES + " at its first start only and offers no other way to change them"
                        + " but its UI (系统管理 > 系统参数): change them there, or remove the container to install afresh");
            }
        }
        List<String> options = new ArrayList<>(Containers.env("OCP_METADB_HOST", metaDbHost(p)));
        options.addAll(Containers.env("OCP_METADB_PORT", String.valueOf(p.port("metaDbPort"))));
        options.addAll(Containers.env("OCP_METADB_USER", p.dbUser("metaDbUser")));
        options.addAll(Containers.envFromCaller("OCP_METADB_PASSWORD"));
        options.addAll(Containers.env("OCP_METADB_DBNAME", p.name("metaDbDatabase")));
        options.addAll(Containers.env("OCP_MONITORDB_USER", p.dbUser("monitorDbUser")));
        options.addAll(Containers.envFromCaller("OCP_MONITORDB_PASSWORD"));
        options.addAll(Containers.env("OCP_MONITORDB_DBNAME", p.name("monitorDbDatabase")));
        options.addAll(Containers.envFromCaller("OCP_INITIAL_ADMIN_PASSWORD"));
        options.addAll(Containers.env(PROPERTIES, text(wanted)));
        String run = context.template("install-ocp", ActionType.RUN, Map.of("container", quote(container),
                "cpuQuota", p.integer("cpu", 1, 1024) + "00000", "memoryGb", String.valueOf(p.integer("memoryGb", 1, 4096)),
                "environment", String.join(" ", options), "image", quote(medium.image())));
        String script = "IFS= read -r OCP_METADB_PASSWORD; IFS= read -r OCP_MONITORDB_PASSWORD;"
                + " IFS= read -r OCP_INITIAL_ADMIN_PASSWORD\n"
                + "export OCP_METADB_PASSWORD OCP_MONITORDB_PASSWORD OCP_INITIAL_ADMIN_PASSWORD\n"
                + Containers.ensureRunning(container, medium.image(), run);
        return context.run("running OCP container " + container, script, Shell.lines(context.secret("metaPasswordRef"),
                context.secret("monitorPasswordRef"), context.secret("adminPasswordRef"))).strip();
    }

    /** OAT's "安装 OCP" form for this node, with the plan's values; passwords named by their secret references. */
    @Override
    public OperatorRequest request(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String image = context.medium(p.name("media")).image();
        if (image == null) {
            throw p.invalid("media", "is '" + p.name("media") + "', which holds no image for OAT to install OCP from");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("image", image);
        form.put("productName", context.request().cluster());
        form.put("server", context.hostAddress());
        form.put("cpu", String.valueOf(p.integer("cpu", 1, 1024)));
        form.put("memoryGb", String.valueOf(p.integer("memoryGb", 1, 4096)));
        form.put("httpPort", String.valueOf(p.port("httpPort")));
        form.put("metaDbHost", metaDbHost(p));
        form.put("metaDbPort", String.valueOf(p.port("metaDbPort")));
        form.put("metaDbUser", p.dbUser("metaDbUser"));
        form.put("metaPassword", "the meta tenant's password (secretRef " + p.require("metaPasswordRef") + ")");
        form.put("metaDbDatabase", p.name("metaDbDatabase"));
        form.put("monitorDbUser", p.dbUser("monitorDbUser"));
        form.put("monitorPassword", "the monitor tenant's password (secretRef " + p.require("monitorPasswordRef") + ")");
        form.put("monitorDbDatabase", p.name("monitorDbDatabase"));
        form.put("adminPassword", "the OCP admin's password (secretRef " + p.require("adminPasswordRef") + ")");
        form.put("siteUrl", siteUrl(p));
        String multiAz = "off";
        if (p.has("az")) {
            form.put("az", p.name("az"));
            form.put("azOcpProxy", p.host("azOcpProxy"));
            form.put("azMetaDbProxy", p.host("azMetaDbProxy"));
            multiAz = "on; for server " + context.hostAddress() + ": 可用区名称 (AZ name) " + form.get("az")
                    + ", OCP 代理 (OCP proxy) " + form.get("azOcpProxy") + ", MetaDB 代理 (MetaDB proxy) "
                    + form.get("azMetaDbProxy");
        }
        Map<String, String> values = new LinkedHashMap<>(form);
        values.put("ocpVersion", p.require("ocpVersion"));
        values.put("cluster", context.request().cluster());
        values.put("multiAz", multiAz);
        values.put("deploymentId", context.request().deploymentId());
        values.put("actionId", OperatorActionRequired.actionId(context.request().stepId(), context.request().attempt()));
        ProfileAction action = context.action("install-ocp");
        String instructions;
        try {
            instructions = action.render(values);
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent(e.getMessage());
        }
        return new OperatorRequest(action.operator().title() + ": " + context.hostAddress() + " of "
                + context.request().cluster(), instructions, Map.copyOf(form), action.source());
    }

    /** OCP answers {@code okay} on the node, then shows the planned version ({@code ocpVersion}, e.g. 4.2 or 4.2.2). */
    @Override
    public List<OperatorActions.ProbeResult> probe(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String version = p.require("ocpVersion");
        OcpApi ocp = new OcpApi(context, "http://" + context.hostAddress() + ":" + p.port("httpPort"),
                context.secret("adminPasswordRef"));
        OcpApi.Status status = ocp.get(path(context, "probe-ocp-status"));
        if (status.code() != 200 || !status.body().equals("okay")) {
            return List.of(new OperatorActions.ProbeResult(STATUS_PROBE, false, status.toString()));
        }
        OcpApi.Status info = ocp.get(path(context, "probe-ocp-info"));
        String running = buildVersion(info.body());
        boolean planned = info.code() == 200 && running != null
                && (running.equals(version) || running.startsWith(version + "."));
        return List.of(new OperatorActions.ProbeResult(STATUS_PROBE, true, ""),
                new OperatorActions.ProbeResult(VERSION_PROBE, planned, planned ? ""
                        : (running == null ? info.toString() : "buildVersion " + running) + ", planned " + version));
    }

    /** The path of a profile's {@code GET <path>} probe. */
    private static String path(StepContext context, String probe) throws StepFailure {
        String request = context.template(probe, ActionType.HTTP, Map.of());
        return request.substring(request.indexOf(' ') + 1).strip();
    }

    /** {@code buildVersion} of an {@code /api/v2/info} answer (at the top level or under {@code data}); null if none. */
    static String buildVersion(String body) {
        try {
            JsonNode info = JSON.readTree(body);
            JsonNode version = info.path("data").path("buildVersion");
            if (version.isMissingNode()) {
                version = info.path("buildVersion");
            }
            return version.isTextual() ? version.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The first-boot system parameters, name → value. {@code server.port}, {@code ocp.site.url} and
     * {@code obsdk.ob.connection.mode:direct} are the documented example (550.docker-deploy-ocp.md);
     * {@code ocp.config-url.site.url} is the same access address; {@code ocp.monitordb.username}/{@code database}
     * are names of the parameter list (300.ocp-configuration-parameters.md), as obd passes them at first start
     * (oceanbase/obdeploy master {@code plugins/ocp-server/4.2.1/start.py}), except the password: the container's
     * documented {@code OCP_MONITORDB_PASSWORD} carries it, so it never appears in a command line or
     * {@code docker inspect}. {@code ocp.monitordb.host}/{@code port} are left out: OCP keeps system parameters in
     * the MetaDB for the whole cluster, so the first node to boot would give every node its own OBProxy as the
     * MonitorDB address, and losing that one host would leave every node answering {@code bad monitordb}. Unset, each
     * node reaches the MonitorDB as it reaches its MetaDB ({@code OCP_METADB_HOST}, its own OBProxy); a per-AZ
     * MonitorDB address is set in the console (APPLY_AZ_PARAMETERS).
     */
    static Map<String, String> configProperties(StepParameters p) throws StepFailure {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(p.port("httpPort")));
        properties.put("ocp.site.url", siteUrl(p));
        properties.put("ocp.config-url.site.url", siteUrl(p));
        properties.put("obsdk.ob.connection.mode", "direct");
        properties.put("ocp.monitordb.username", p.dbUser("monitorDbUser"));
        properties.put("ocp.monitordb.database", p.name("monitorDbDatabase"));
        return properties;
    }

    /** One {@code name:value} per line, as {@code OCP_CONFIG_PROPERTIES} takes them. */
    static String text(Map<String, String> properties) {
        List<String> lines = new ArrayList<>();
        properties.forEach((name, value) -> lines.add(name + ":" + value));
        return String.join("\n", lines);
    }

    /** The {@code name:value} lines of a properties text; a line without {@code :} counts as a name without value. */
    static Map<String, String> parse(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            properties.put((colon < 0 ? line : line.substring(0, colon)).strip(), colon < 0 ? null : line.substring(colon + 1).strip());
        }
        return properties;
    }

    /**
     * What the probe printed for an existing container: {@code found}, then the JSON string of its
     * {@code OCP_CONFIG_PROPERTIES=…} environment entry, if it has one.
     */
    static Map<String, String> runningProperties(String probe) throws StepFailure {
        String entry = probe.lines().filter(line -> line.startsWith("\"")).findFirst().orElse(null);
        if (entry == null) {
            return Map.of();
        }
        try {
            String variable = JSON.readValue(entry, String.class);
            return parse(variable.substring(PROPERTIES.length() + 1));
        } catch (JsonProcessingException e) {
            throw StepFailure.retryable("docker inspect printed no readable " + PROPERTIES + ": " + entry);
        }
    }

    /** Each parameter whose running value differs from the planned one: {@code name is 'a', planned 'b'}. */
    static List<String> differences(Map<String, String> running, Map<String, String> wanted) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(running.keySet());
        names.addAll(wanted.keySet());
        for (String name : names) {
            String was = running.get(name);
            String planned = wanted.get(name);
            if (!Objects.equals(was, planned)) {
                differences.add(name + " is " + (was == null ? "not set" : "'" + was + "'") + ", planned "
                        + (planned == null ? "not set" : "'" + planned + "'"));
            }
        }
        return differences;
    }
}
