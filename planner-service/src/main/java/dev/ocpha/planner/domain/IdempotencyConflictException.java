package dev.ocpha.planner.domain;

/** An {@code Idempotency-Key} already used with another request body. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
