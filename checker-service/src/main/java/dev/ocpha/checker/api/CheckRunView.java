package dev.ocpha.checker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** A check run with its results per host, the fixes it applied and what is still not right after them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckRunView(String runId, String deploymentId, String kind, String previousRunId, String requestedBy,
                           String status, String profile, boolean strict, boolean autoFix, Boolean passed, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt, Summary summary, List<HostView> hosts, List<FixView> fixes,
                           List<ResultView> notFixed) {

    public record Summary(int hosts, int hostsPassed, int failures, int warnings) {
    }

    public record HostView(String host, boolean passed, String connectionProblem, Double clockOffsetMs,
                           long durationMs, List<ResultView> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultView(String host, String check, String status, String observed, String expected,
                             String message, String remediation, boolean autoFixable) {
    }

    public record FixView(String host, String check, String command, int exitStatus, String output) {
    }
}
