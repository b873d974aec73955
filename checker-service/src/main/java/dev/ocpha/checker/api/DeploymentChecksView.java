package dev.ocpha.checker.api;

import java.util.List;

/** A deployment's environment checks: the latest run in full, and every run, newest first. */
public record DeploymentChecksView(String deploymentId, CheckRunView latest, List<CheckRunSummary> history) {
}
