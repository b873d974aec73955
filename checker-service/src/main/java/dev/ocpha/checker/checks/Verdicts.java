package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;

/** Builds {@link CheckResult}s and grades them by severity and strictness. */
public final class Verdicts {

    public static final String PASS = "PASS";
    public static final String WARN = "WARN";
    public static final String FAIL = "FAIL";

    private Verdicts() {
    }

    public static CheckResult pass(String host, String check, String observed, String expected, String message) {
        return new CheckResult(host, check, PASS, observed, expected, message, null, false);
    }

    public static CheckResult warn(String host, String check, String observed, String expected, String message,
                                   String remediation) {
        return new CheckResult(host, check, WARN, observed, expected, message, remediation, false);
    }

    public static CheckResult fail(String host, String check, String observed, String expected, String message) {
        return new CheckResult(host, check, FAIL, observed, expected, message, null, false);
    }

    /** A failure with the command that fixes it; {@code autoFixable} only for commands safe to run unattended. */
    public static CheckResult fail(String host, String check, String observed, String expected, String message,
                                   String remediation, boolean autoFixable) {
        return new CheckResult(host, check, FAIL, observed, expected, message, remediation, autoFixable);
    }

    public static CheckResult status(CheckResult result, String status) {
        return new CheckResult(result.host(), result.check(), status, result.observed(), result.expected(),
                result.message(), result.remediation(), result.autoFixable());
    }

    /**
     * A failure of a warning-level check is a WARN; with {@code strict} every WARN becomes a FAIL, so a strict run
     * passes only when everything passes.
     */
    public static CheckResult grade(CheckResult result, Severity severity, boolean strict) {
        String status = result.status();
        if (FAIL.equals(status) && severity == Severity.WARNING) {
            status = WARN;
        }
        if (WARN.equals(status) && strict) {
            status = FAIL;
        }
        return status.equals(result.status()) ? result : status(result, status);
    }
}
