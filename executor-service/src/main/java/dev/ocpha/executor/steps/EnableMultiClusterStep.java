package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Multi-cluster mode on a node (ocp-facts §8.3): {@code ocp-bootstrap enableMc <id> <name> LEADER|FOLLOWER} unless
 * {@code showMc} already shows this cluster and role, then a restart, awaited until OCP is healthy again.
 */
@ApplicationScoped
public class EnableMultiClusterStep implements Step {

    static final String BOOTSTRAP = "/home/admin/ocp-server/bin/ocp-bootstrap";

    @Override
    public String kind() {
        return StepKinds.ENABLE_MULTI_CLUSTER;
    }

    @Override
    public String description() {
        return "Enable multi-cluster mode (enableMc LEADER|FOLLOWER) and restart OCP";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
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
        int id = p.integer("clusterId", 1, Integer.MAX_VALUE);
        String name = p.name("clusterName");
        String role = p.oneOf("clusterRole", "LEADER", "FOLLOWER");
        SystemParameters.ensureRunning(context, container);
        String shown = context.run("reading the multi-cluster mode", "docker exec " + quote(container) + " " + BOOTSTRAP
                + " showMc || exit 75");
        boolean enabled = mentions(shown, String.valueOf(id)) && mentions(shown, name) && mentions(shown, role);
        // enabled but not yet in effect: a former try enabled it and did not get to the restart
        if (enabled && !shown.contains("restart pending")) {
            return "multi-cluster mode already on: cluster " + id + " " + name + " " + role;
        }
        if (!enabled) {
            context.run("enabling multi-cluster mode", "docker exec " + quote(container) + " " + BOOTSTRAP + " enableMc "
                    + id + " " + name + " " + role + " || exit 75");
        }
        SystemParameters.restartAndAwait(context, new OcpApi(context, p.url("url"), context.secret("adminPasswordRef")),
                container);
        return "multi-cluster mode on as cluster " + id + " " + name + " " + role + "; OCP restarted and healthy";
    }

    /** Whether {@code word} appears as a whole word in {@code text}. */
    static boolean mentions(String text, String word) {
        return java.util.regex.Pattern.compile("(^|[^A-Za-z0-9_.-])" + java.util.regex.Pattern.quote(word)
                + "($|[^A-Za-z0-9_.-])").matcher(text).find();
    }
}
