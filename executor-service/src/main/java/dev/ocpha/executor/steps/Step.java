package dev.ocpha.executor.steps;

import dev.ocpha.contracts.events.StepRequested;

/**
 * One kind of step: an idempotent shell action. Running it again after it succeeded changes nothing, so a step
 * whose outcome was lost can always be run once more.
 */
public interface Step {

    String kind();

    /** The POSIX shell command for this request; it exits 0 only when the step's effect is in place. */
    String command(StepRequested request);
}
