package dev.ocpha.checker.domain;

import dev.ocpha.checker.checks.ClockSample;
import dev.ocpha.checker.checks.Verdicts;
import dev.ocpha.contracts.model.CheckResult;
import java.util.List;

/** The final results of one host in a run, after the checks across hosts were added. */
public record HostReport(String host, List<CheckResult> results, ClockSample clock, String connectionProblem,
                         long durationMs) {

    public boolean passed() {
        return results.stream().noneMatch(r -> Verdicts.FAIL.equals(r.status()));
    }
}
