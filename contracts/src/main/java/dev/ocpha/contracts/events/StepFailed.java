package dev.ocpha.contracts.events;

/**
 * A step attempt failed after {@code tries} tries; {@code retryable} says whether asking again later may help
 * (a permanent error such as a refused key or a checksum mismatch needs a person).
 */
public record StepFailed(String deploymentId, String stepId, String kind, String host, String cluster, int attempt,
                         int tries, String executorId, String reason, boolean retryable, long durationMillis)
        implements StepEvent {
}
