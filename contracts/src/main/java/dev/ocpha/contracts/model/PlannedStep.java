package dev.ocpha.contracts.model;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan: an idempotent action of {@code kind} ({@link dev.ocpha.contracts.StepKinds}) on {@code host},
 * run once the steps in {@code dependsOn} succeeded and the registry facts in {@code awaitsFacts}
 * ({@link dev.ocpha.contracts.Facts}) are known. {@code parameters} hold values and secret references, never secrets.
 */
public record PlannedStep(String stepId, String phase, String kind, String host, String cluster, String description,
                          List<String> dependsOn, List<String> awaitsFacts, Map<String, String> parameters,
                          int timeoutSeconds, int maxTries) {
}
