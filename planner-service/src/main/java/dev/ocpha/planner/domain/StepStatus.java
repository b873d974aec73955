package dev.ocpha.planner.domain;

public enum StepStatus {
    PENDING, REQUESTED, RUNNING,
    /** Waiting for an operator action: no executor or host is busy with it. */
    AWAITING_OPERATOR,
    SUCCEEDED, FAILED, SKIPPED;

    /** Done for the steps and facts that wait on it. */
    public boolean done() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    /** The host is busy with it. */
    public boolean busy() {
        return this == REQUESTED || this == RUNNING;
    }
}
