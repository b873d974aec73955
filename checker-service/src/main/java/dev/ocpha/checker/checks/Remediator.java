package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the auto-fixable remediations of one host in one round trip: each command in its own subshell, its
 * output and exit status behind marker lines, so one failing fix does not stop the others.
 */
public final class Remediator {

    private static final String MARKER = "@@ocpha-fix ";
    private static final String STATUS = "@@ocpha-status ";

    /** A remediation command that was run, and how it went (exit status -1: the host could not be reached). */
    public record AppliedFix(String host, String check, String command, int exitStatus, String output) {
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    private final RemoteExecutor remote;

    public Remediator(RemoteExecutor remote) {
        this.remote = remote;
    }

    /** The results a fix may be applied for: not passed, auto-fixable, with a command. */
    public static boolean fixable(CheckResult result) {
        return !Verdicts.PASS.equals(result.status()) && result.autoFixable() && result.remediation() != null;
    }

    public List<AppliedFix> apply(PlannedHost host, List<CheckResult> results, Duration timeout) {
        Map<String, String> commandToCheck = new LinkedHashMap<>();
        results.stream().filter(Remediator::fixable).forEach(r -> commandToCheck.putIfAbsent(r.remediation(), r.check()));
        if (commandToCheck.isEmpty()) {
            return List.of();
        }
        List<String> commands = new ArrayList<>(commandToCheck.keySet());
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            script.append("echo '").append(MARKER).append(i).append("'; ( ").append(commands.get(i))
                    .append(" ) 2>&1; echo \"").append(STATUS).append("$?\"; ");
        }
        List<AppliedFix> applied = new ArrayList<>();
        try {
            ExecResult result = remote.exec(HostProber.target(host), script.toString(), timeout);
            Map<Integer, String[]> byIndex = parse(result.stdout());
            for (int i = 0; i < commands.size(); i++) {
                String[] outcome = byIndex.get(i);
                int status = outcome == null || outcome[1] == null ? -1 : Integer.parseInt(outcome[1]);
                applied.add(new AppliedFix(host.name(), commandToCheck.get(commands.get(i)), commands.get(i), status,
                        outcome == null ? "did not run" : outcome[0].strip()));
            }
        } catch (RemoteException e) {
            commands.forEach(c -> applied.add(new AppliedFix(host.name(), commandToCheck.get(c), c, -1, e.getMessage())));
        }
        return applied;
    }

    /** index → {output, exit status} */
    private static Map<Integer, String[]> parse(String stdout) {
        Map<Integer, String[]> byIndex = new LinkedHashMap<>();
        Integer current = null;
        StringBuilder output = new StringBuilder();
        for (String line : stdout.split("\n")) {
            if (line.startsWith(MARKER)) {
                current = Integer.parseInt(line.substring(MARKER.length()).trim());
                output.setLength(0);
                byIndex.put(current, new String[] {"", null});
            } else if (line.startsWith(STATUS) && current != null) {
                byIndex.put(current, new String[] {output.toString(), line.substring(STATUS.length()).trim()});
                current = null;
            } else if (current != null) {
                output.append(line).append('\n');
                byIndex.get(current)[0] = output.toString();
            }
        }
        return byIndex;
    }
}
