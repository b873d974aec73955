package dev.ocpha.contracts.installer;

/** An installer profile that cannot be used as written: a missing source, an unknown action, a missing value. */
public class ProfileException extends IllegalArgumentException {

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
