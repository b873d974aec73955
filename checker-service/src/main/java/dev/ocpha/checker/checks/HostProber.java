package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs every check's probe on one host in a single SSH round trip (the probes are joined into one script, each
 * output behind a marker line) and judges the outputs. A host that cannot be reached is one plain FAIL result.
 */
@ApplicationScoped
public class HostProber {

    static final String CONNECTION_CHECK = "ssh-connection";
    private static final String MARKER = "@@ocpha-check ";

    private final RemoteExecutor remote;
    private final List<HostCheck> checks;
    private final Duration hostTimeout;

    public HostProber(RemoteExecutor remote, Instance<HostCheck> checks,
                      @ConfigProperty(name = "ocpha.checker.host-timeout") Duration hostTimeout) {
        this.remote = remote;
        this.checks = checks.stream().toList();
        this.hostTimeout = hostTimeout;
    }

    public List<CheckResult> probe(PlannedHost host) {
        StringBuilder script = new StringBuilder();
        for (HostCheck check : checks) {
            script.append("echo '").append(MARKER).append(check.name()).append("'; { ")
                    .append(check.probe()).append("; } 2>&1; ");
        }
        ExecResult result;
        try {
            result = remote.exec(new SshTarget(host.access().address(), host.access().sshPort(), host.access().user(),
                    host.access().credentialRef()), script.toString(), hostTimeout);
        } catch (RemoteException e) {
            return List.of(new CheckResult(host.name(), CONNECTION_CHECK, "FAIL", e.kind().name(),
                    "an SSH session with a verified host key", e.getMessage(), null, false));
        }
        Map<String, String> outputs = split(result.stdout());
        List<CheckResult> results = new ArrayList<>();
        for (HostCheck check : checks) {
            String output = outputs.get(check.name());
            results.add(output == null
                    ? new CheckResult(host.name(), check.name(), "FAIL", "no output", "probe output",
                    "the probe did not run (exit status " + result.exitStatus() + ")", null, false)
                    : check.evaluate(host.name(), output));
        }
        return results;
    }

    private static Map<String, String> split(String stdout) {
        Map<String, String> outputs = new HashMap<>();
        String current = null;
        StringBuilder buffer = new StringBuilder();
        for (String line : stdout.split("\n", -1)) {
            if (line.startsWith(MARKER)) {
                if (current != null) {
                    outputs.put(current, buffer.toString());
                }
                current = line.substring(MARKER.length()).trim();
                buffer.setLength(0);
            } else if (current != null) {
                buffer.append(line).append('\n');
            }
        }
        if (current != null) {
            outputs.put(current, buffer.toString());
        }
        return outputs;
    }
}
