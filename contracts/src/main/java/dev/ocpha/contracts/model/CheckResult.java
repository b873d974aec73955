package dev.ocpha.contracts.model;

/**
 * One check on one host. {@code status} is PASS, WARN or FAIL; {@code remediation} is the exact shell command that
 * fixes a failure, and {@code autoFixable} says whether the checker may run it itself.
 */
public record CheckResult(String host, String check, String status, String observed, String expected,
                          String message, String remediation, boolean autoFixable) {
}
