package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-AZ parameters of one OCP node (ocp-facts §9): {@code ocp.site.url} = the AZ's access address,
 * {@code ocp.config-url.site.url} = its ConfigUrl, {@code ocp.monitordb.host}/{@code port} = its MonitorDB address;
 * the MonitorDB ones need a restart, after which OCP is awaited. Asked for by the registry ({@code AzAssigned}).
 */
@ApplicationScoped
public class ApplyAzParametersStep implements Step {

    @Override
    public String kind() {
        return StepKinds.APPLY_AZ_PARAMETERS;
    }

    @Override
    public String description() {
        return "Set one AZ node's access address, ConfigUrl and MonitorDB address; restart OCP and wait until healthy";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("az");
        p.url("url");
        p.require("adminPasswordRef");
        p.name("container");
        wanted(p);
    }

    static Map<String, String> wanted(StepParameters p) throws StepFailure {
        String access = p.require("accessAddress");
        String siteUrl = access.startsWith("http://") || access.startsWith("https://") ? access : "http://" + access;
        String monitorDb = p.host("monitorDbAddress");
        String[] hostPort = monitorDb.split(":");
        if (hostPort.length != 2 || !hostPort[1].matches("\\d{1,5}")) {
            throw p.invalid("monitorDbAddress", "is '" + monitorDb + "', not host:port");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("ocp.site.url", p.url("accessAddress", siteUrl));
        wanted.put("ocp.config-url.site.url", p.url("configUrl"));
        wanted.put("ocp.monitordb.host", hostPort[0]);
        wanted.put("ocp.monitordb.port", hostPort[1]);
        return wanted;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        return "AZ " + p.name("az") + ": " + SystemParameters.apply(context, p.url("url"), p.name("container"), wanted(p));
    }
}
