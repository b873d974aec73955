package dev.ocpha.ssh;

/** A host could not be reached, trusted, logged into or waited for. The message names the host, never a secret. */
public final class RemoteException extends Exception {

    public enum Kind {
        UNREACHABLE(true),
        AUTHENTICATION_FAILED(false),
        HOST_KEY_MISMATCH(false),
        HOST_KEY_UNKNOWN(false),
        TIMEOUT(true),
        TRANSPORT(true),
        /** A file arrived on the host with other bytes than were sent. */
        CHECKSUM_MISMATCH(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final String host;

    /** @param host {@code address:port}, or null where no host is involved yet (a credential lookup) */
    public RemoteException(Kind kind, String host, String message) {
        this(kind, host, message, null);
    }

    public RemoteException(Kind kind, String host, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.host = host;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code address:port}: on a lab without its own addresses, hosts differ by port only. */
    public String host() {
        return host;
    }

    /** Whether trying again later may help; authentication and host key problems need a person. */
    public boolean retryable() {
        return kind.retryable;
    }
}
