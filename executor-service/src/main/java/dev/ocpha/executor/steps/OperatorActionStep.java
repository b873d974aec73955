package dev.ocpha.executor.steps;

import java.util.List;

/**
 * A step that no documented interface can do, so a person does it (an operator action): the step says exactly what
 * to do and checks the result with documented probes. Its tries run the probes; when they do not show the result
 * and nobody reported the action done, the try asks for the action ({@link StepContext#askOperator}) and the run
 * waits, holding nothing, until the operator reports it done; the next try then decides with the probes
 * ({@link OperatorActions#decide}).
 */
public interface OperatorActionStep extends Step {

    /** What the operator is asked to do, rendered from the parameters. */
    OperatorRequest request(StepContext context) throws StepFailure;

    /**
     * Runs the probes, in order, stopping at the first that fails. A host that does not answer is a
     * {@link StepFailure} (tried again like any step's), not a failed probe.
     */
    List<OperatorActions.ProbeResult> probe(StepContext context) throws StepFailure;

    /**
     * Whether passing probes prove that the action was done. When no document shows the action's result (a standby's
     * binding), they prove only that it can work: then every attempt asks the operator once, and the probes decide
     * after the operator reported it done.
     */
    boolean probesShowTheResult();

    @Override
    default String run(StepContext context) throws StepFailure {
        List<OperatorActions.ProbeResult> results = probe(context);
        results.forEach(result -> context.note("probe " + result.probe() + ": " + (result.passed() ? "passed" : "failed")
                + (result.saw().isEmpty() ? "" : ", saw: " + result.saw())));
        OperatorActions.Decision decision = OperatorActions.decide(results, context.operatorCompletion(),
                probesShowTheResult());
        if (decision instanceof OperatorActions.Decision.Verified verified) {
            return verified.summary();
        }
        if (decision instanceof OperatorActions.Decision.NotDone notDone) {
            throw StepFailure.permanent(notDone.reason());
        }
        OperatorRequest request = request(context);
        context.askOperator(request);
        return "waiting for the operator: " + request.title();
    }
}
