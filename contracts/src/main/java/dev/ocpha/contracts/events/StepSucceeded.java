package dev.ocpha.contracts.events;

/** A step ran to the end and its verification passed; {@code tries} counts the executor's tries of this attempt. */
public record StepSucceeded(String deploymentId, String stepId, String kind, String host, String cluster, int attempt,
                            int tries, String executorId, long durationMillis) implements StepEvent {
}
