package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.contracts.installer.ProfileAction;
import dev.ocpha.ssh.ExecResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers a standby OCP cluster to the primary's MetaDB. OCP documents this in the standby's console only, so it is
 * an operator action (installer profile action {@code register-standby}, its probes {@code probe-metadb-login} and
 * {@code probe-ocp-status}): the operator enters the primary's MetaDB in the standby's "欢迎使用多集群模式" page and clicks
 * "绑定到主 OCP"; the step then checks what the documents let it check: the standby host logs in to the primary's
 * MetaDB with those values (the document's suggested {@code obclient} check), and the standby OCP's
 * {@code /api/status} answers {@code okay}. No document shows the binding itself, so the probes cannot tell that it
 * was made: every attempt asks once. Asked for by the registry.
 */
@ApplicationScoped
public class RegisterStandbyStep implements OperatorActionStep {

    static final String METADB_PROBE = "the standby host logs in to the primary's MetaDB (obclient -e 'SELECT 1')";
    static final String STATUS_PROBE = "the standby OCP's GET /api/status answers okay";

    @Override
    public String kind() {
        return StepKinds.REGISTER_STANDBY;
    }

    @Override
    public String description() {
        return "Register the standby OCP cluster to the primary's MetaDB (operator action in the standby's console)";
    }


    @Override
    public boolean probesShowTheResult() {
        return false;
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        primary(p);
        p.dbUser("primaryMetaDbUser");
        p.name("primaryMetaDbDatabase");
        p.require("metaPasswordRef");
        p.url("standbyUrl");
        p.require("adminPasswordRef");
    }

    /** {@code host:port} of the primary's MetaDB. */
    private static String[] primary(StepParameters p) throws StepFailure {
        String address = p.host("primaryMetaDbAddress");
        String[] parts = address.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,5}")) {
            throw p.invalid("primaryMetaDbAddress", "is '" + address + "', not host:port");
        }
        return parts;
    }

    @Override
    public OperatorRequest request(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String[] primary = primary(p);
        String url = p.url("standbyUrl");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", url);
        fields.put("host", primary[0]);
        fields.put("port", primary[1]);
        fields.put("user", p.dbUser("primaryMetaDbUser"));
        fields.put("password", "the primary's meta tenant password (secretRef " + p.require("metaPasswordRef") + ")");
        fields.put("database", p.name("primaryMetaDbDatabase"));
        fields.put("standbyCluster", context.request().cluster());
        fields.put("primaryCluster", p.require("primaryCluster"));
        fields.put("deploymentId", context.request().deploymentId());
        fields.put("actionId", OperatorActionRequired.actionId(context.request().stepId(), context.request().attempt()));
        fields.put("standbyUrl", url);
        ProfileAction action = context.action("register-standby");
        if (action.type() != ActionType.OPERATOR) {
            throw StepFailure.permanent("action 'register-standby' of installer profile " + action.profile() + " is "
                    + action.type() + ", but this step asks the operator");
        }
        String instructions;
        try {
            instructions = action.render(fields);
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent(e.getMessage());
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("url", "host", "port", "user", "password", "database")) {
            form.put(field, fields.get(field));
        }
        return new OperatorRequest(action.operator().title() + ": " + context.request().cluster() + " to "
                + primary[0] + ":" + primary[1], instructions, Map.copyOf(form), action.source());
    }

    @Override
    public List<OperatorActions.ProbeResult> probe(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String[] primary = primary(p);
        // the password goes on obclient's environment from standard input, never on a command line
        String login = "IFS= read -r PW\nexport MYSQL_PWD=\"$PW\"\n" + context.template("probe-metadb-login",
                ActionType.RUN, Map.of("host", quote(primary[0]), "port", primary[1],
                        "user", quote(p.dbUser("primaryMetaDbUser")), "database", quote(p.name("primaryMetaDbDatabase"))))
                + " 2>&1\n";
        ExecResult metaDb = context.exec(login, Shell.lines(context.secret("metaPasswordRef")));
        if (!metaDb.succeeded()) {
            return List.of(new OperatorActions.ProbeResult(METADB_PROBE, false, "exit " + metaDb.exitStatus() + ": "
                    + lastLine(metaDb.stdout() + metaDb.stderr())));
        }
        String request = context.template("probe-ocp-status", ActionType.HTTP, Map.of());
        OcpApi.Status status = new OcpApi(context, p.url("standbyUrl"), context.secret("adminPasswordRef"))
                .get(request.substring(request.indexOf(' ') + 1).strip());
        boolean okay = status.code() == 200 && status.body().equals("okay");
        return List.of(new OperatorActions.ProbeResult(METADB_PROBE, true, ""),
                new OperatorActions.ProbeResult(STATUS_PROBE, okay, okay ? "" : status.toString()));
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }
}
