package dev.ocpha.executor.steps;

/**
 * Why a try of a step did not succeed. {@code retryable} says whether trying again may help (a host that is down,
 * a time-out, a stand-in's transient failure) or not (a refused key, a checksum mismatch, an invalid parameter).
 * The message names what is wrong and never holds a secret.
 */
public final class StepFailure extends Exception {

    private final boolean retryable;
    private final Integer exitStatus;

    private StepFailure(String message, boolean retryable, Integer exitStatus) {
        super(message);
        this.retryable = retryable;
        this.exitStatus = exitStatus;
    }

    public static StepFailure retryable(String message) {
        return new StepFailure(message, true, null);
    }

    public static StepFailure permanent(String message) {
        return new StepFailure(message, false, null);
    }

    public static StepFailure ofExit(String message, boolean retryable, int exitStatus) {
        return new StepFailure(message, retryable, exitStatus);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The failing command's exit status, when a command failed. */
    public Integer exitStatus() {
        return exitStatus;
    }
}
