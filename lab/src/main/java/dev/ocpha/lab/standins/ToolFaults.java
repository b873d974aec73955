package dev.ocpha.lab.standins;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Per-host stand-in faults: a tool that fails N times and then succeeds, or a tool that never returns. */
public final class ToolFaults {
    enum Outcome { OK, FAIL, HANG }

    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Boolean> hangs = new HashMap<>();

    public synchronized void failNext(String tool, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a failure fault needs at least 1 failing call, not " + times);
        }
        failures.put(tool, times);
    }

    public synchronized void hang(String tool) {
        hangs.put(tool, true);
    }

    public synchronized void clear() {
        failures.clear();
        hangs.clear();
    }

    public synchronized Set<String> hanging() {
        return Set.copyOf(hangs.keySet());
    }

    public synchronized int failuresLeft(String tool) {
        return failures.getOrDefault(tool, 0);
    }

    synchronized Outcome before(String tool) {
        if (hangs.containsKey(tool)) {
            return Outcome.HANG;
        }
        Integer left = failures.get(tool);
        if (left != null && left > 0) {
            if (left == 1) {
                failures.remove(tool);
            } else {
                failures.put(tool, left - 1);
            }
            return Outcome.FAIL;
        }
        return Outcome.OK;
    }
}
