package dev.ocpha.platform.messaging;

/** A record that can never be processed (malformed, unknown type or version); it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
