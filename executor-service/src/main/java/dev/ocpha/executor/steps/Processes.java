package dev.ocpha.executor.steps;

import dev.ocpha.contracts.installer.ActionType;
import java.util.List;
import java.util.Map;

/**
 * OceanBase's daemons (observer, OBProxy) as their pid files show them: alive when {@code kill -0} of the recorded
 * pid succeeds, as obd checks them (oceanbase/obdeploy {@code plugins/oceanbase/3.1.0/health_check.py}).
 */
final class Processes {

    private Processes() {
    }

    /**
     * Shell text: runs {@code start} unless the process of {@code pidFile} (a shell word) is alive, then waits up to
     * {@code waitSeconds} until each of {@code ports} on {@code address} accepts a connection.
     */
    static String startUnlessAlive(StepContext context, String name, String pidFile, String start, List<Integer> ports,
                                   String address, int waitSeconds) throws StepFailure {
        String alive = context.template("process-alive", ActionType.RUN, Map.of("pidFile", pidFile));
        StringBuilder probes = new StringBuilder();
        for (int port : ports) {
            probes.append(context.template("probe-listening", ActionType.RUN,
                    Map.of("host", address, "port", String.valueOf(port)))).append(" 2>/dev/null && ");
        }
        return "if [ -f " + pidFile + " ] && " + alive + " 2>/dev/null; then echo \"" + name + " already running\"\n"
                + "else out=$(" + start + " 2>&1) || { printf '%s\\n' \"$out\" >&2; exit 75; }; echo \"" + name + " started\"; fi\n"
                + "i=0; until " + probes + "true; do\n"
                + "  i=$((i + 1)); [ \"$i\" -ge " + waitSeconds + " ] && { echo \"" + name + " does not accept connections on "
                + address + " " + ports + " after " + waitSeconds + " s\" >&2; exit 75; }\n"
                + "  sleep 1\n"
                + "done\n"
                + "echo \"" + name + " listening on " + address + " " + ports + "\"\n";
    }

    /** Shell text: stops the process of {@code pidFile} (a shell word) if it is alive and waits until it is gone. */
    static String stopIfAlive(StepContext context, String name, String pidFile) throws StepFailure {
        String alive = context.template("process-alive", ActionType.RUN, Map.of("pidFile", pidFile));
        String stop = context.template("stop-process", ActionType.RUN, Map.of("pidFile", pidFile));
        return "if [ -f " + pidFile + " ] && " + alive + " 2>/dev/null; then\n"
                + "  " + stop + " || exit 75\n"
                + "  i=0; while " + alive + " 2>/dev/null; do i=$((i + 1)); [ \"$i\" -ge 60 ] && { echo \"" + name
                + " still running 60 s after kill\" >&2; exit 75; }; sleep 1; done\n"
                + "  echo \"" + name + " stopped\"\n"
                + "else echo \"" + name + " not running\"; fi\n";
    }
}
