package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Multi-cluster mode on one OCP node, as oceanbase/ocp-doc@V4.2.2
 * {@code zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/900.multi-cluster-mode-switch.md} does it:
 * inside the container (whose {@code OCP_METADB_*} environment the install set), {@code cd
 * /home/admin/ocp-server/bin; ./ocp-bootstrap -i}, at its {@code ocp-bootstrap>} prompt {@code enableMc <id> <name>
 * LEADER|FOLLOWER}, then {@code docker restart} of the instance. The mode is kept in the cluster's MetaDB; every node
 * of the cluster has its own step, which sets the mode (again: a re-applied setting changes nothing) and restarts
 * its own container, so each instance restarts once per successful attempt, whichever node ran first.
 * <p>
 * OCP documents no way to read the mode back but its UI, so the step keeps its own record on the host:
 * {@code ~/.ocpha/multi-cluster-<container>} holds the container id, cluster id, name and role of the last restart
 * into the mode; a record for this container and setting means the step only waits for {@code /api/status}.
 * The doc shows the tool only interactively: the commands go on its standard input, and an {@code ERROR} line in its
 * answer counts as a failed command, since the exit status of such a session is not documented.
 */
@ApplicationScoped
public class EnableMultiClusterStep implements Step {

    /** How long a restarted OCP gets to answer {@code okay} again; startup takes about 2 min (550.docker-deploy-ocp.md). */
    static final int RESTART_WAIT_SECONDS = 300;

    @Override
    public String kind() {
        return StepKinds.ENABLE_MULTI_CLUSTER;
    }

    @Override
    public String description() {
        return "Enable multi-cluster mode (ocp-bootstrap -i: enableMc LEADER|FOLLOWER) and restart this OCP instance";
    }


    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("container");
        p.integer("clusterId", 1, Integer.MAX_VALUE);
        p.name("clusterName");
        p.oneOf("clusterRole", "LEADER", "FOLLOWER");
        p.url("url");
        p.require("adminPasswordRef");
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String container = p.name("container");
        String setting = p.integer("clusterId", 1, Integer.MAX_VALUE) + " " + p.name("clusterName") + " "
                + p.oneOf("clusterRole", "LEADER", "FOLLOWER");
        OcpApi api = new OcpApi(context, p.url("url"), context.secret("adminPasswordRef"));
        String q = quote(container);
        // a former try's failed docker restart leaves the container stopped; docker exec needs it running
        context.run("starting OCP container " + container + " if an unfinished restart left it stopped",
                "case \"$(docker inspect --format '{{.State.Running}}' " + q + " 2>/dev/null)\" in false) docker start "
                        + q + " >/dev/null || exit 75;; esac");
        String record = context.run("reading the container id and the step's record",
                "id=$(docker inspect --format '{{.Id}}' " + q + ") || exit 75\n"
                        + "echo \"$id " + setting + "\"\n"
                        + "cat " + quote(recordFile(container)) + " 2>/dev/null || true\n").strip();
        List<String> lines = record.lines().toList();
        String wanted = lines.get(0);
        if (lines.size() > 1 && lines.get(1).equals(wanted)) {
            api.awaitHealthy(waitSeconds(context), 3);
            return "multi-cluster mode already on as cluster " + setting + " (restarted into it before); OCP is healthy";
        }
        String command = context.template("enable-mc", ActionType.RUN, Map.of("clusterId",
                String.valueOf(p.integer("clusterId", 1, Integer.MAX_VALUE)), "clusterName", p.name("clusterName"),
                "clusterRole", p.oneOf("clusterRole", "LEADER", "FOLLOWER")));
        String session = context.template("enable-multi-cluster", ActionType.RUN, Map.of("container", q));
        String answer = context.run("enabling multi-cluster mode (ocp-bootstrap -i: " + command + ")",
                "printf '%s\\n' " + quote(command) + " exit | " + session + " || exit 75\n");
        String error = failedCommand(answer);
        if (error != null) {
            throw StepFailure.retryable("ocp-bootstrap in " + container + " on " + context.hostAddress()
                    + " refused enableMc " + setting + ": " + error);
        }
        context.run("restarting OCP container " + container + " into multi-cluster mode",
                context.template("restart-ocp", ActionType.RUN, Map.of("container", q)) + " >/dev/null || exit 75\n"
                        + "mkdir -p .ocpha && printf '%s\\n' " + quote(wanted) + " > " + quote(recordFile(container)) + "\n");
        api.awaitHealthy(waitSeconds(context), 3);
        return "multi-cluster mode on as cluster " + setting + "; " + container + " restarted and healthy";
    }

    static String recordFile(String container) {
        return ".ocpha/multi-cluster-" + container;
    }

    /** The first line of an {@code ocp-bootstrap -i} session's answer that reports an error (prompts stripped), or null. */
    static String failedCommand(String answer) {
        return answer.lines().map(line -> line.replace("ocp-bootstrap>", "").strip())
                .filter(line -> line.regionMatches(true, 0, "ERROR", 0, 5)).findFirst().orElse(null);
    }

    private static int waitSeconds(StepContext context) throws StepFailure {
        return (int) Math.max(1, Math.min(RESTART_WAIT_SECONDS, context.remaining().toSeconds()));
    }
}
