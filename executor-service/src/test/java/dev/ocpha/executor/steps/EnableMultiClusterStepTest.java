package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EnableMultiClusterStepTest {

    @Test
    void aSessionWhoseCommandSucceeded_reportsNoError() {
        assertNull(EnableMultiClusterStep.failedCommand("ocp-bootstrap> enableMc success: cluster 1 ocp-a LEADER\n"
                + "ocp-bootstrap> \n"));
    }

    @Test
    void aSessionWithAnErrorLine_reportsIt_withoutThePrompt() {
        assertEquals("ERROR: cannot connect to this OCP's MetaDB at 10.0.0.1:2883",
                EnableMultiClusterStep.failedCommand("ocp-bootstrap> ERROR: cannot connect to this OCP's MetaDB at "
                        + "10.0.0.1:2883\nocp-bootstrap> \n"));
        assertEquals("error: unknown command", EnableMultiClusterStep.failedCommand("error: unknown command"));
    }
}
