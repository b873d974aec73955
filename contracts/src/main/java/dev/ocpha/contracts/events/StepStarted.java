package dev.ocpha.contracts.events;

/** An executor took a step and started running it. */
public record StepStarted(String deploymentId, String stepId, String kind, String host, int attempt,
                          String executorId) implements StepEvent {
}
