package dev.ocpha.planner.domain;

public enum DeploymentStatus {
    /** Planned; the checker is checking the hosts. */
    CHECKING_ENVIRONMENT,
    /** Environment passed; steps are running. */
    DEPLOYING,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
