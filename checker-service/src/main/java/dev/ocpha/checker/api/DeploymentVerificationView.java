package dev.ocpha.checker.api;

import java.util.List;

/** A deployment's verification: the latest report in full, and the ids of every report, newest first. */
public record DeploymentVerificationView(String deploymentId, VerificationReportView latest, List<Summary> history) {

    public record Summary(String reportId, String status, Boolean passed, java.time.OffsetDateTime startedAt) {
    }
}
