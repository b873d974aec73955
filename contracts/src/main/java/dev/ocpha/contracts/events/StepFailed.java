package dev.ocpha.contracts.events;

/** A step attempt failed; {@code retryable} says whether running it again may help. */
public record StepFailed(String deploymentId, String stepId, String kind, String host, int attempt,
                         String executorId, String reason, boolean retryable, long durationMillis)
        implements StepEvent {
}
