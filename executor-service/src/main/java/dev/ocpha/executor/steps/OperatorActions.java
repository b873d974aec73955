package dev.ocpha.executor.steps;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a try of an operator action does with its probes' results: a pure decision. */
public final class OperatorActions {

    private OperatorActions() {
    }

    /** One documented probe: its name, whether it passed, and what it saw (one line). */
    public record ProbeResult(String probe, boolean passed, String saw) {
    }

    public sealed interface Decision {
        /** The probes show the result: the step succeeds. */
        record Verified(String summary) implements Decision {
        }

        /** Ask the operator and wait. */
        record AskOperator() implements Decision {
        }

        /** The operator reported it done, but a probe says otherwise: the step fails, naming it. */
        record NotDone(String reason) implements Decision {
        }
    }

    /**
     * Before a completion: the step succeeds at once when the probes pass and prove the result, else the operator is
     * asked. After one: the step succeeds when every probe passes, else it fails naming the first failing probe.
     */
    public static Decision decide(List<ProbeResult> results, Optional<OperatorCompletion> completion,
                                  boolean probesShowTheResult) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("an operator action needs at least one probe");
        }
        Optional<ProbeResult> failed = results.stream().filter(result -> !result.passed()).findFirst();
        String passed = results.stream().map(ProbeResult::probe).collect(Collectors.joining(", "));
        if (completion.isEmpty()) {
            return failed.isEmpty() && probesShowTheResult
                    ? new Decision.Verified("already done; probes passed: " + passed)
                    : new Decision.AskOperator();
        }
        OperatorCompletion done = completion.get();
        if (failed.isPresent()) {
            return new Decision.NotDone(done.actor() + " reported the action done, but probe '" + failed.get().probe()
                    + "' failed" + (failed.get().saw().isEmpty() ? "" : ": " + failed.get().saw()));
        }
        return new Decision.Verified("done by " + done.actor() + "; probes passed: " + passed);
    }
}
