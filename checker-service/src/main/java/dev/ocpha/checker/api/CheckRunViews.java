package dev.ocpha.checker.api;

import dev.ocpha.checker.checks.Verdicts;
import dev.ocpha.checker.persistence.CheckFixEntity;
import dev.ocpha.checker.persistence.CheckHostEntity;
import dev.ocpha.checker.persistence.CheckResultEntity;
import dev.ocpha.checker.persistence.CheckRunEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps check-run entities to API records. */
final class CheckRunViews {

    private CheckRunViews() {
    }

    static CheckRunSummary summary(CheckRunEntity run) {
        return new CheckRunSummary(run.id.toString(), string(run.deploymentId), run.kind, string(run.previousRunId),
                run.status, run.passed, run.startedAt, run.finishedAt);
    }

    static CheckRunView full(CheckRunEntity run) {
        List<CheckResultEntity> results = CheckResultEntity.ofRun(run.id);
        Map<String, List<CheckRunView.ResultView>> byHost = new LinkedHashMap<>();
        results.forEach(r -> byHost.computeIfAbsent(r.host, h -> new ArrayList<>()).add(view(r)));
        List<CheckRunView.HostView> hosts = CheckHostEntity.ofRun(run.id).stream()
                .map(h -> new CheckRunView.HostView(h.host, h.passed, h.connectionProblem, h.clockOffsetMs,
                        h.durationMs, byHost.getOrDefault(h.host, List.of())))
                .toList();
        List<CheckRunView.FixView> fixes = CheckFixEntity.ofRun(run.id).stream()
                .map(f -> new CheckRunView.FixView(f.host, f.checkName, f.command, f.exitStatus, f.output))
                .toList();
        boolean fixing = CheckRunEntity.AUTOFIX.equals(run.kind) || run.autoFix;
        boolean done = CheckRunEntity.DONE.equals(run.status);
        List<CheckRunView.ResultView> notFixed = fixing && done ? results.stream()
                .filter(r -> !Verdicts.PASS.equals(r.status)).map(CheckRunViews::view).toList() : null;
        CheckRunView.Summary summary = done ? new CheckRunView.Summary(hosts.size(),
                (int) hosts.stream().filter(CheckRunView.HostView::passed).count(),
                (int) results.stream().filter(r -> Verdicts.FAIL.equals(r.status)).count(),
                (int) results.stream().filter(r -> Verdicts.WARN.equals(r.status)).count()) : null;
        return new CheckRunView(run.id.toString(), string(run.deploymentId), run.kind, string(run.previousRunId),
                run.requestedBy, run.status, run.profile, run.strict, run.autoFix, run.passed, run.startedAt, run.finishedAt, summary,
                hosts, fixing ? fixes : null, notFixed);
    }

    private static CheckRunView.ResultView view(CheckResultEntity r) {
        return new CheckRunView.ResultView(r.host, r.checkName, r.status, r.observed, r.expected, r.message,
                r.remediation, r.autoFixable);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
