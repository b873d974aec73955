package dev.ocpha.planner.domain;

/** Where a deployment is. A FAILED one may be retried; CANCELLED, FAILED and SUCCEEDED ones may be torn down. */
public enum DeploymentStatus {
    /** Planned; the hosts are being added (PREPARE_HOST). */
    PREPARING_HOSTS,
    /** Hosts added; the checker is checking the environment. */
    CHECKING_ENVIRONMENT,
    /** Environment passed; the deploy steps run and the registry's facts arrive. */
    DEPLOYING,
    /** Every step and fact is done; the checker runs the post-deployment check. */
    VERIFYING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** Teardown requested: REMOVE_OCP then REMOVE_METADB. */
    TEARING_DOWN,
    DESTROYED;

    /** Nothing runs and nothing will be requested unless an operator acts. */
    public boolean settled() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == DESTROYED;
    }

    /** Steps may be requested in this status. */
    public boolean runsSteps() {
        return this == PREPARING_HOSTS || this == DEPLOYING || this == TEARING_DOWN;
    }
}
