package dev.ocpha.cli.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;

/** No answer from a service: refused, timed out, or the connection dropped. */
public final class ServiceUnreachableException extends RuntimeException {

    public ServiceUnreachableException(Service service, URI url, IOException cause) {
        super("cannot reach " + service.name() + " at " + url + ": " + reason(cause), cause);
    }

    /** The JDK client often wraps the reason, or gives none (a refused connection). */
    private static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return e.getClass().getSimpleName();
    }
}
