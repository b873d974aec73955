package dev.ocpha.planner.api;

import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.VerificationItem;
import java.util.List;

/** The environment check's result and the post-deployment check's report of a deployment (null until run). */
public record ReportView(String deploymentId, String status, EnvironmentCheck environmentCheck,
                         Verification verification, List<AuditView> audit) {

    public record EnvironmentCheck(String checkRunId, boolean passed, List<CheckResult> problems) {
    }

    public record Verification(String reportId, boolean passed, List<VerificationItem> items) {
    }

    public record AuditView(String at, String action, String target, String reason, String actor) {
    }
}
