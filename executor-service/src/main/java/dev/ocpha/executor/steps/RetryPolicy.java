package dev.ocpha.executor.steps;

import java.util.Set;

/**
 * A step's tries and which failed exits are worth another try. Connection problems and time-outs are always
 * retryable, authentication and host-key problems never; a command's non-zero exit is retryable only when its
 * status is listed. Step scripts exit {@value #TRANSIENT} (EX_TEMPFAIL) for conditions they know to be transient
 * and {@value #INVALID} (EX_DATAERR) for those that need a person.
 */
public record RetryPolicy(int defaultMaxTries, Set<Integer> retryableExitStatuses) {

    public static final int TRANSIENT = 75;
    public static final int INVALID = 65;

    /** Three tries; only the scripts' own transient exit is retried. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Set.of(TRANSIENT));

    public boolean retryable(int exitStatus) {
        return retryableExitStatuses.contains(exitStatus);
    }
}
