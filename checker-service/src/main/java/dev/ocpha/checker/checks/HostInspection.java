package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import java.util.List;
import java.util.Map;

/**
 * What one host's inspection found: the graded results of its checks, its clock sample (null when it could not
 * be read), the raw probe outputs by check (for checks across hosts), and how long it took.
 * {@code connectionProblem} is the SSH failure kind when the host could not be inspected at all.
 */
public record HostInspection(String host, List<CheckResult> results, ClockSample clock, Map<String, String> outputs,
                             String connectionProblem, long durationMs) {

    public String architecture() {
        String os = outputs.get(OperatingSystemCheck.NAME);
        return os == null ? null : os.lines().findFirst().map(String::trim).orElse(null);
    }
}
