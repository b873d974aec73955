package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sets OCP system parameters to planned values: only the ones that differ are written, and OCP is restarted (then
 * awaited) only when a written one needs it. Running it again finds every value in place and does nothing.
 */
final class SystemParameters {

    /** How long a restarted OCP gets to answer {@code okay} again; startup takes about 2 min (ocp-facts §6.3). */
    static final int RESTART_WAIT_SECONDS = 300;

    private SystemParameters() {
    }

    static String apply(StepContext context, String url, String container, Map<String, String> wanted)
            throws StepFailure {
        OcpApi api = new OcpApi(context, url, context.secret("adminPasswordRef"));
        if (ensureRunning(context, container)) {
            api.awaitHealthy((int) Math.max(1, Math.min(RESTART_WAIT_SECONDS, context.remaining().toSeconds())), 3);
        }
        // a marker on the host remembers a restart that a failed try still owes: the values alone no longer show it
        String marker = ".ocpha/restart-pending-" + container;
        boolean restart = context.exec("test -f " + quote(marker), null).succeeded();
        Map<String, String> current = api.parameters();
        List<String> changed = wanted.entrySet().stream()
                .filter(parameter -> !Objects.equals(current.get(parameter.getKey()), parameter.getValue()))
                .map(Map.Entry::getKey).toList();
        if (changed.stream().anyMatch(OcpApi::needsRestart)) {
            context.run("remembering the pending restart", "mkdir -p .ocpha && touch " + quote(marker));
            restart = true;
        }
        for (String name : changed) {
            restart |= api.set(name, wanted.get(name));
        }
        if (!changed.isEmpty()) {
            context.note("set " + String.join(", ", changed));
        }
        if (restart) {
            restartAndAwait(context, api, container);
            context.run("clearing the pending restart", "rm -f " + quote(marker));
        }
        if (changed.isEmpty()) {
            return "all " + wanted.size() + " system parameters already had their values"
                    + (restart ? "; the restart a former try owed was done" : "");
        }
        return "set " + String.join(", ", changed) + (restart ? ", restarted " + container + " and it is healthy again" : "");
    }

    /**
     * Starts the container when it exists but is stopped, as a former try's failed {@code docker restart} leaves it;
     * whether it had to. A missing container is left to the calls that need it, which then say so.
     */
    static boolean ensureRunning(StepContext context, String container) throws StepFailure {
        String q = quote(container);
        return context.run("starting OCP container " + container + " if an unfinished restart left it stopped",
                "case \"$(docker inspect --format '{{.State.Running}}' " + q + " 2>/dev/null)\" in false) docker start "
                        + q + " >/dev/null && echo started || exit 75;; esac").contains("started");
    }

    static void restartAndAwait(StepContext context, OcpApi api, String container) throws StepFailure {
        context.run("restarting OCP container " + container, "docker restart " + quote(container) + " >/dev/null || exit 75");
        int wait = (int) Math.min(RESTART_WAIT_SECONDS, context.remaining().toSeconds());
        api.awaitHealthy(Math.max(1, wait), 3);
    }
}
