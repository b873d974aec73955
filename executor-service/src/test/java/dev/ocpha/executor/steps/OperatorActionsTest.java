package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ocpha.executor.steps.OperatorActions.Decision;
import dev.ocpha.executor.steps.OperatorActions.ProbeResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorActionsTest {

    private static final ProbeResult LOGIN = new ProbeResult("login", true, "");
    private static final ProbeResult STATUS_BAD = new ProbeResult("status", false, "HTTP 200 bad monitordb");
    private static final Optional<OperatorCompletion> DONE = Optional.of(new OperatorCompletion("alice", "bound"));

    @Test
    void probesPassingThatShowTheResult_succeedAtOnce_withoutAskingAnyone() {
        Decision decision = OperatorActions.decide(List.of(LOGIN), Optional.empty(), true);
        assertEquals(new Decision.Verified("already done; probes passed: login"), decision);
    }

    @Test
    void probesPassingThatCannotShowTheResult_stillAskTheOperator() {
        assertInstanceOf(Decision.AskOperator.class, OperatorActions.decide(List.of(LOGIN), Optional.empty(), false));
    }

    @Test
    void aFailingProbe_beforeACompletion_asksTheOperator() {
        assertInstanceOf(Decision.AskOperator.class,
                OperatorActions.decide(List.of(LOGIN, STATUS_BAD), Optional.empty(), true));
    }

    @Test
    void aFailingProbe_afterACompletion_failsNamingTheProbeAndWhatItSaw() {
        Decision decision = OperatorActions.decide(List.of(LOGIN, STATUS_BAD), DONE, false);
        assertEquals(new Decision.NotDone("alice reported the action done, but probe 'status' failed: HTTP 200 bad"
                + " monitordb"), decision);
    }

    @Test
    void passingProbes_afterACompletion_succeedNamingWhoDidIt() {
        assertEquals(new Decision.Verified("done by alice; probes passed: login"),
                OperatorActions.decide(List.of(LOGIN), DONE, false));
    }

    @Test
    void noProbe_isADefectOfTheStep() {
        assertThrows(IllegalArgumentException.class, () -> OperatorActions.decide(List.of(), DONE, true));
    }
}
