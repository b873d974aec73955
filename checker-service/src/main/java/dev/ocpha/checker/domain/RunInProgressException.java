package dev.ocpha.checker.domain;

/** A run cannot be followed (re-checked, fixed) before it has results. */
public class RunInProgressException extends RuntimeException {
    public RunInProgressException(String message) {
        super(message);
    }
}
