package dev.ocpha.planner.domain;

/** An operator action's life: asked, reported done by an operator, then settled by the step's probes. */
public enum OperatorActionStatus {
    /** The step waits for the operator. */
    AWAITING_OPERATOR,
    /** An operator reported it done; the executor verifies. */
    COMPLETED,
    /** The probes passed: the step succeeded. */
    SUCCEEDED,
    /** The step failed (a probe failed after the completion); a retry asks again. */
    FAILED;

    /**
     * What completing it does now: {@code true} completes it, {@code false} changes nothing (a repeated completion),
     * and a failed action cannot be completed any more.
     */
    public boolean completes() {
        if (this == FAILED) {
            throw new DeploymentStateException("The action failed its verification; fix what it names, then retry the"
                    + " deployment (a retry asks for the action again).");
        }
        return this == AWAITING_OPERATOR;
    }
}
