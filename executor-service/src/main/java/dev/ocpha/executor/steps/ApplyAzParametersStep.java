package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.contracts.installer.ProfileAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-AZ parameters of one OCP node: {@code ocp.site.url} = the AZ's access address,
 * {@code ocp.config-url.site.url} = its ConfigUrl, {@code ocp.monitordb.host}/{@code port} = its MonitorDB address.
 * OCP sets per-AZ parameters in its console only (oceanbase/ocp-doc@V4.2.2
 * zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/300.manage-multi-zone-parameters.md), so it is an
 * operator action (installer profile action {@code az-parameters}); afterwards the node's {@code /api/status} must
 * answer {@code okay} (probe {@code probe-ocp-status}). No document lets the deployer read the values back, so the
 * probe cannot tell they were set: every attempt asks once. Asked for by the registry ({@code AzAssigned}).
 */
@ApplicationScoped
public class ApplyAzParametersStep implements OperatorActionStep {

    static final String STATUS_PROBE = "the node's OCP answers GET /api/status with okay";

    @Override
    public String kind() {
        return StepKinds.APPLY_AZ_PARAMETERS;
    }

    @Override
    public String description() {
        return "Set one AZ node's access address, ConfigUrl and MonitorDB address (operator action in OCP's console)";
    }


    @Override
    public boolean probesShowTheResult() {
        return false;
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("az");
        p.url("url");
        p.require("adminPasswordRef");
        wanted(p);
    }

    /** The parameters to set, in the console's names. */
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
    public OperatorRequest request(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        Map<String, String> wanted = wanted(p);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("az", p.name("az"));
        values.put("host", context.request().host());
        values.put("url", p.url("url"));
        values.put("siteUrl", wanted.get("ocp.site.url"));
        values.put("configUrl", wanted.get("ocp.config-url.site.url"));
        values.put("monitorDbHost", wanted.get("ocp.monitordb.host"));
        values.put("monitorDbPort", wanted.get("ocp.monitordb.port"));
        values.put("deploymentId", context.request().deploymentId());
        values.put("actionId", OperatorActionRequired.actionId(context.request().stepId(), context.request().attempt()));
        ProfileAction action = context.action("az-parameters");
        if (action.type() != ActionType.OPERATOR) {
            throw StepFailure.permanent("action 'az-parameters' of installer profile " + action.profile() + " is "
                    + action.type() + ", but this step asks the operator");
        }
        String instructions;
        try {
            instructions = action.render(values);
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent(e.getMessage());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", values.get("url"));
        fields.put("az", values.get("az"));
        fields.putAll(wanted);
        return new OperatorRequest(action.operator().title() + ": AZ " + values.get("az") + " on "
                + context.request().host(), instructions, Map.copyOf(fields), action.source());
    }

    @Override
    public List<OperatorActions.ProbeResult> probe(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String request = context.template("probe-ocp-status", ActionType.HTTP, Map.of());
        OcpApi.Status status = new OcpApi(context, p.url("url"), context.secret("adminPasswordRef"))
                .get(request.substring(request.indexOf(' ') + 1).strip());
        boolean okay = status.code() == 200 && status.body().equals("okay");
        return List.of(new OperatorActions.ProbeResult(STATUS_PROBE, okay, okay ? "" : status.toString()));
    }
}
