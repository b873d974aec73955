package dev.ocpha.cli.render;

import dev.ocpha.cli.client.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The planner's deployments and plans as text. */
public final class DeploymentText {

    private static final List<String> STEP_ORDER = List.of("SUCCEEDED", "SKIPPED", "RUNNING", "REQUESTED",
            "PENDING", "FAILED");

    private DeploymentText() {
    }

    public static String list(Api.DeploymentPage page) {
        Table table = new Table("ID", "NAME", "STATUS", "MODES", "CREATED");
        for (Api.DeploymentSummary d : page.items()) {
            table.row(d.id(), d.name(), d.status(), String.join(",", d.modes()), Times.utc(d.createdAt()));
        }
        String text = table.render();
        long shownUpTo = (long) page.page() * page.size() + page.items().size();
        if (shownUpTo < page.total()) {
            text += page.items().size() + " of " + page.total() + " shown; --page " + (page.page() + 1)
                    + " for the next ones\n";
        }
        return text;
    }

    public static String details(Api.Deployment d) {
        StringBuilder out = new StringBuilder();
        out.append("deployment ").append(d.id()).append(" (").append(d.name()).append(")\n");
        out.append("status:    ").append(d.status()).append('\n');
        out.append("modes:     ").append(String.join(", ", d.modes())).append('\n');
        out.append("created:   ").append(Times.utc(d.createdAt())).append('\n');
        if (d.finishedAt() != null) {
            out.append("finished:  ").append(Times.utc(d.finishedAt())).append('\n');
        }
        out.append("estimated: ").append(Times.duration(d.estimatedSeconds())).append('\n');
        if (d.failureReason() != null) {
            out.append("failure:   ").append(d.failedStage() == null ? "" : "in " + d.failedStage() + ": ")
                    .append(d.failureReason()).append('\n');
        }
        out.append('\n');
        Table phases = new Table("PHASE", "STATUS", "STEPS", "BY STATUS");
        for (Api.Phase phase : d.phases()) {
            phases.row(phase.name(), phase.status(), phase.steps().size(), byStatus(phase.steps()));
        }
        out.append(phases.render());
        List<Api.Step> failed = d.phases().stream().flatMap(p -> p.steps().stream())
                .filter(s -> "FAILED".equals(s.status())).toList();
        if (!failed.isEmpty()) {
            out.append('\n');
            Table steps = new Table("FAILED STEP", "HOST", "ATTEMPTS", "LAST ERROR");
            failed.forEach(s -> steps.row(s.stepId(), s.host(), s.attempts(), s.lastError()));
            out.append(steps.render());
        }
        return out.toString();
    }

    /** {@code SUCCEEDED 3, RUNNING 1, PENDING 2}: the statuses present, done first. */
    static String byStatus(List<Api.Step> steps) {
        Map<String, Long> counts = steps.stream()
                .collect(Collectors.groupingBy(Api.Step::status, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(rank(a.getKey()), rank(b.getKey())))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    public static String accepted(Api.Deployment d) {
        return "deployment " + d.id() + " (" + d.name() + ") accepted: " + d.status() + ", " + d.stepCount()
                + " steps, estimated " + Times.duration(d.estimatedSeconds()) + "\n"
                + "follow it with: ocpha watch " + d.id() + "\n";
    }

    public static String plan(Api.Plan plan) {
        StringBuilder out = new StringBuilder();
        int seconds = plan.criticalPath() == null ? 0 : plan.criticalPath().estimatedSeconds();
        out.append("dry run: ").append(plan.name()).append(" (").append(String.join(", ", plan.modes()))
                .append("), OCP ").append(plan.ocpVersion()).append(": ").append(plan.steps().size())
                .append(" steps in ").append(plan.phases().size()).append(" phases, critical path ")
                .append(seconds).append(" s (").append(Times.duration(seconds)).append(")\n\n");
        Table phases = new Table("PHASE", "STEPS", "GATES");
        for (Api.PlanPhase phase : plan.phases()) {
            phases.row(phase.name(), phase.stepIds().size(), String.join(", ", phase.gates()));
        }
        out.append(phases.render()).append("\nnothing was started; run it without --dry-run to deploy\n");
        return out.toString();
    }

    private static int rank(String status) {
        int i = STEP_ORDER.indexOf(status);
        return i < 0 ? STEP_ORDER.size() : i;
    }
}
