package dev.ocpha.executor.steps;

/**
 * One kind of step ({@link dev.ocpha.contracts.StepKinds}, which defines its timeout and whether it changes the
 * host): an idempotent remote action that checks before it acts, so that running it again after it
 * succeeded changes nothing and a step whose outcome was lost (or whose executor died) can always run once more.
 */
public interface Step {

    /** One of {@link dev.ocpha.contracts.StepKinds}. */
    String kind();

    /** What the step does, for people (the catalog, logs). */
    String description();

    default RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    /** Checks the parameters before anything runs. @throws StepFailure (permanent) naming the parameter */
    void validate(StepParameters parameters) throws StepFailure;

    /** Runs one try; returns a one-line summary of what it found or did. */
    String run(StepContext context) throws StepFailure;
}
