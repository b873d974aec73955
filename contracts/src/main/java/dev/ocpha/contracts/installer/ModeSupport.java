package dev.ocpha.contracts.installer;

/** Whether a profile can deploy a mode; when it cannot, why, and the public document that says so. */
public record ModeSupport(String mode, boolean supported, String reason, String source) {
}
