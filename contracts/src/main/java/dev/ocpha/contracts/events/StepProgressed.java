package dev.ocpha.contracts.events;

/**
 * Output of a running step, in order ({@code seq}), bounded in size and with secrets redacted. {@code stream} is
 * stdout or stderr.
 */
public record StepProgressed(String deploymentId, String stepId, String host, int attempt, int seq, String stream,
                             String text) implements StepEvent {
}
