package dev.ocpha.checker.api;

import java.time.OffsetDateTime;
import java.util.List;

/** An environment check run and its results per host and check. */
public record CheckRunView(String runId, String deploymentId, String status, Boolean passed,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt, List<Result> results) {

    public record Result(String host, String check, String status, String observed, String expected, String message,
                         String remediation) {
    }
}
