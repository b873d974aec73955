package dev.ocpha.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class StepKindsTest {

    @Test
    void everyKindHasOneDefinition_whoseTimeoutLeavesRoomForItsEstimate() {
        assertEquals(StepKinds.ALL.size(), new HashSet<>(StepKinds.ALL).size(), "a kind defined twice");
        for (String kind : StepKinds.ALL) {
            StepKinds.Definition definition = StepKinds.definition(kind).orElseThrow();
            assertTrue(definition.timeout().compareTo(definition.estimate().multipliedBy(2)) >= 0,
                    kind + ": a try may run at least twice as long as it typically takes");
        }
    }

    @Test
    void onlyTheHealthWaitLeavesItsHostUnchanged_andAnUnknownNameIsNoKind() {
        assertEquals(java.util.List.of(StepKinds.WAIT_OCP_HEALTHY), StepKinds.ALL.stream()
                .filter(kind -> !StepKinds.definition(kind).orElseThrow().mutating()).toList());
        assertFalse(StepKinds.definition("INIT_SYSTEM_PARAMETERS").isPresent());
    }
}
