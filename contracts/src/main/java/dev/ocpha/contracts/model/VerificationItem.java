package dev.ocpha.contracts.model;

/**
 * One post-deployment check (ocp-facts §7) on one target: an OCP node ({@code host}), an AZ access address or a
 * cluster. {@code status} is PASS or FAIL.
 */
public record VerificationItem(String target, String check, String status, String observed, String expected,
                               String message) {
}
