package dev.ocpha.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProgressTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode data(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void succeededAndSkippedSteps_countAsDone_aStepsLatestStatusWins() {
        Progress progress = new Progress(4);

        progress.apply("step", data("{\"stepId\":\"a\",\"status\":\"SUCCEEDED\"}"));
        progress.apply("step", data("{\"stepId\":\"b\",\"status\":\"FAILED\"}"));
        progress.apply("step", data("{\"stepId\":\"c\",\"status\":\"SKIPPED\"}"));
        progress.apply("step", data("{\"stepId\":\"b\",\"status\":\"REQUESTED\",\"attempt\":2}"));

        assertEquals(2, progress.done());
        assertEquals(4, progress.total());
    }

    @Test
    void thePlannedStepCount_raisesTheTotal() {
        Progress progress = new Progress(0);

        progress.apply("status", data("{\"status\":\"PREPARING_HOSTS\",\"steps\":9}"));

        assertEquals(9, progress.total());
        assertFalse(progress.settled());
    }

    @Test
    void failed_settlesWithItsReason_andExitsOne() {
        Progress progress = new Progress(1);

        progress.apply("status", data("{\"status\":\"FAILED\",\"reason\":\"disk full\",\"stage\":\"DEPLOYING\"}"));

        assertTrue(progress.settled());
        assertEquals(1, progress.exitCode());
        assertEquals("disk full", progress.reason());
    }

    @Test
    void cancelled_takesItsReasonFromTheAudit_andExitsOne() {
        Progress progress = new Progress(1);

        progress.apply("audit", data("{\"action\":\"cancel\",\"reason\":\"wrong AZs\",\"actor\":\"ops\"}"));
        progress.apply("status", data("{\"status\":\"CANCELLED\"}"));

        assertEquals(1, progress.exitCode());
        assertEquals("wrong AZs", progress.reason());
    }

    @Test
    void aRetriedDeployment_isNoLongerSettled_andSucceededExitsZero() {
        Progress progress = new Progress(1);
        progress.apply("status", data("{\"status\":\"FAILED\",\"reason\":\"x\"}"));

        progress.apply("status", data("{\"status\":\"DEPLOYING\"}"));
        assertFalse(progress.settled());
        assertNull(progress.reason());

        progress.apply("status", data("{\"status\":\"SUCCEEDED\"}"));
        assertTrue(progress.settled());
        assertEquals(0, progress.exitCode());
    }
}
