package dev.ocpha.cli.watch;

import static dev.ocpha.cli.watch.ProgressTest.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventLineTest {

    @Test
    void eachProgressEventType_readsAsOneLine() {
        assertEquals("step install-ocp@h2 RUNNING on h2 (attempt 2) by executor-1", EventLine.of("step",
                data("{\"stepId\":\"install-ocp@h2\",\"host\":\"h2\",\"status\":\"RUNNING\",\"attempt\":2,\"executorId\":\"executor-1\"}")));
        assertEquals("step install-ocp@h2 SKIPPED on h2: done by hand", EventLine.of("step",
                data("{\"stepId\":\"install-ocp@h2\",\"host\":\"h2\",\"status\":\"SKIPPED\",\"reason\":\"done by hand\"}")));
        assertEquals("host-check h1 FAILED (FAIL: clock-skew)", EventLine.of("host-checked",
                data("{\"host\":\"h1\",\"passed\":false,\"results\":[{\"check\":\"clock-skew\",\"status\":\"FAIL\"},"
                        + "{\"check\":\"disk\",\"status\":\"PASS\"}]}")));
        assertEquals("environment check passed", EventLine.of("environment-checked",
                data("{\"checkRunId\":\"r\",\"passed\":true,\"problems\":[]}")));
        assertEquals("fact standby-bound:ocp-b", EventLine.of("fact", data("{\"fact\":\"standby-bound:ocp-b\"}")));
        assertEquals("registry-step register-standby@ocp-b FAILED: refused", EventLine.of("registry-step",
                data("{\"stepId\":\"register-standby@ocp-b\",\"status\":\"FAILED\",\"error\":\"refused\"}")));
        assertEquals("verification FAILED (FAIL: az2 az-access)", EventLine.of("verified",
                data("{\"passed\":false,\"items\":[{\"target\":\"az2\",\"check\":\"az-access\",\"status\":\"FAIL\"}]}")));
        assertEquals("audit skip install-ocp@h2 by ops: done by hand", EventLine.of("audit",
                data("{\"action\":\"skip\",\"target\":\"install-ocp@h2\",\"reason\":\"done by hand\",\"actor\":\"ops\"}")));
        assertEquals("status DEPLOYING", EventLine.of("status", data("{\"status\":\"DEPLOYING\"}")));
    }

    @Test
    void anUnknownType_isShownWithItsData() {
        assertEquals("novelty {\"a\":1}", EventLine.of("novelty", data("{\"a\":1}")));
    }
}
