package dev.ocpha.contracts.model;

import java.util.List;

/** One step of a plan: an idempotent action of {@code kind} on {@code host}, after the steps it depends on. */
public record PlannedStep(String stepId, String phase, String kind, String host, String description,
                          List<String> dependsOn) {
}
