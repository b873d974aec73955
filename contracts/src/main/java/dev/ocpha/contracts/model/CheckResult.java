package dev.ocpha.contracts.model;

/** One check on one host. {@code status} is PASS, WARN or FAIL. */
public record CheckResult(String host, String check, String status, String observed, String expected,
                          String message, String remediation) {
}
