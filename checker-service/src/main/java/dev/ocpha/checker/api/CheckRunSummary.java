package dev.ocpha.checker.api;

import java.time.OffsetDateTime;

/** One run in a list: what it was, and whether it passed. */
public record CheckRunSummary(String runId, String deploymentId, String kind, String previousRunId, String status,
                              Boolean passed, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
