package dev.ocpha.contracts.events;

/** A step ran to the end and its verification passed. */
public record StepSucceeded(String deploymentId, String stepId, String kind, String host, int attempt,
                            String executorId, long durationMillis) implements StepEvent {
}
