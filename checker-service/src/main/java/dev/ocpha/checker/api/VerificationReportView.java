package dev.ocpha.checker.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A post-deployment verification report: one item per target and check. */
public record VerificationReportView(String reportId, String deploymentId, String status, Boolean passed,
                                     OffsetDateTime startedAt, OffsetDateTime finishedAt, List<Item> items) {

    public record Item(String target, String check, String status, String observed, String expected, String message) {
    }
}
