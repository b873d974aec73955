package dev.ocpha.checker.checks;

/** How much a failed check weighs: a CRITICAL failure blocks a deployment, a WARNING one is reported as WARN. */
public enum Severity {
    CRITICAL,
    WARNING
}
