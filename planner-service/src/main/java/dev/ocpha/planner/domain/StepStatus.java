package dev.ocpha.planner.domain;

public enum StepStatus {
    PENDING, REQUESTED, RUNNING, SUCCEEDED, FAILED, SKIPPED;

    /** Done for the steps and facts that wait on it. */
    public boolean done() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    /** The host is busy with it. */
    public boolean busy() {
        return this == REQUESTED || this == RUNNING;
    }
}
