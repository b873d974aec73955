package dev.ocpha.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.model.CheckResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcrossHostsChecksTest {

    private static Map<String, ClockSample> clocks(double... offsets) {
        Map<String, ClockSample> samples = new LinkedHashMap<>();
        for (int i = 0; i < offsets.length; i++) {
            samples.put("host-" + (i + 1), new ClockSample(offsets[i], 1, 4));
        }
        return samples;
    }

    private static String status(List<CheckResult> results, String host) {
        return results.stream().filter(r -> r.host().equals(host)).findFirst().orElseThrow().status();
    }

    @Test
    void oneHostTwoSecondsAhead_failsThatHostOnly() {
        List<CheckResult> results = ClockSkewCheck.evaluate(clocks(3, -2, 2000, 10), 50);
        assertEquals("FAIL", status(results, "host-3"));
        assertEquals("PASS", status(results, "host-1"));
        assertEquals("PASS", status(results, "host-2"));
        assertEquals("PASS", status(results, "host-4"));
        CheckResult skewed = results.stream().filter(r -> r.host().equals("host-3")).findFirst().orElseThrow();
        assertTrue(skewed.observed().startsWith("+1997.0 ms"), skewed.observed());
    }

    @Test
    void twoHostsApart_blameTheOneFartherFromTheCheckersClock() {
        List<CheckResult> results = ClockSkewCheck.evaluate(clocks(1, -800), 50);
        assertEquals("PASS", status(results, "host-1"));
        assertEquals("FAIL", status(results, "host-2"));
    }

    @Test
    void hostsWithinTheLimitOfEachOther_allPass_evenIfAllAreOffTheChecker() {
        List<CheckResult> results = ClockSkewCheck.evaluate(clocks(500, 520, 540), 50);
        assertTrue(results.stream().allMatch(r -> r.status().equals("PASS")), results.toString());
    }

    @Test
    void skewJustOverTheLimit_fails() {
        List<CheckResult> results = ClockSkewCheck.evaluate(clocks(0, 1, 2, 56), 50); // 55 ms off, read to within 2 ms
        assertEquals("FAIL", status(results, "host-4"));
    }

    @Test
    void skewOverTheLimitButWithinTheReadingsError_isAWarningNotAFailure() {
        Map<String, ClockSample> samples = new LinkedHashMap<>(clocks(0, 1, 2));
        samples.put("host-4", new ClockSample(70, 40, 90)); // read through a slow session: may really be 30 ms off
        List<CheckResult> results = ClockSkewCheck.evaluate(samples, 50);
        assertEquals("WARN", status(results, "host-4"));
        assertTrue(results.stream().filter(r -> !r.host().equals("host-4")).allMatch(r -> r.status().equals("PASS")));
    }

    @Test
    void metaDbClusterMixingArchitectures_failsTheOddHost() {
        Map<String, Map<String, String>> archs = Map.of("meta-a", new LinkedHashMap<>(Map.of(
                "h1", "x86_64", "h2", "x86_64", "h3", "aarch64")));
        List<CheckResult> results = MetaDbArchitectureCheck.evaluate(archs);
        assertEquals("FAIL", status(results, "h3"));
        assertEquals("PASS", status(results, "h1"));
    }

    @Test
    void probeScript_splitsBackIntoOneOutputPerCheck() {
        String stdout = HostProber.MARKER + "cpu-cores\n2\n" + HostProber.MARKER + "swap\n" + HostProber.MARKER + "os\nx86_64\nID=centos\n";
        Map<String, String> outputs = HostProber.split(stdout);
        assertEquals("2\n", outputs.get("cpu-cores"));
        assertEquals("", outputs.get("swap"));
        assertEquals("x86_64\nID=centos\n", outputs.get("os"));
    }
}
