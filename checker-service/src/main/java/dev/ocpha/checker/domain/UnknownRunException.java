package dev.ocpha.checker.domain;

/** No check run, or verification report, with the given id. */
public class UnknownRunException extends RuntimeException {
    public UnknownRunException(String message) {
        super(message);
    }
}
