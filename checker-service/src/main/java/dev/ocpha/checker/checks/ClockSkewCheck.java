package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise clock skew between the hosts of a run, against 50 ms (ADR 0001: OCP's
 * {@code ocp.host.check.clock-diff.max-diff}, the strictest documented limit). The largest group of hosts whose
 * clocks all lie within the limit of each other is the reference; every host outside it fails, with its skew
 * from the group's median. Between equal groups the one nearer the checker's own clock wins, so a single skewed
 * host is named even in a fleet of two. A reading is only as precise as the delay it may hide: a host whose skew
 * exceeds the limit by less than that error (its own plus the reference's) is a WARN — measure again — not a FAIL,
 * so a loaded checker or network never blocks a deployment on a clock it could not read precisely.
 */
public final class ClockSkewCheck {

    public static final String NAME = "clock-skew";
    public static final double LIMIT_MS = 50;

    private ClockSkewCheck() {
    }

    /** @param samples by host name; a host without a sample gets a FAIL naming why */
    public static List<CheckResult> evaluate(Map<String, ClockSample> samples, double limitMs) {
        String expected = String.format(Locale.ROOT, "within %.0f ms of every other host", limitMs);
        List<Map.Entry<String, ClockSample>> sorted = new ArrayList<>(samples.entrySet());
        sorted.sort(Comparator.comparingDouble(e -> e.getValue().offsetMs()));
        int bestFrom = 0;
        int bestTo = -1;
        for (int from = 0, to = 0; from < sorted.size(); from++) {
            to = Math.max(to, from);
            while (to + 1 < sorted.size() && offset(sorted, to + 1) - offset(sorted, from) <= limitMs) {
                to++;
            }
            int size = to - from + 1;
            int bestSize = bestTo - bestFrom + 1;
            if (size > bestSize || (size == bestSize && distanceToZero(sorted, from, to) < distanceToZero(sorted, bestFrom, bestTo))) {
                bestFrom = from;
                bestTo = to;
            }
        }
        double reference = bestTo < 0 ? 0 : median(sorted, bestFrom, bestTo);
        double referenceError = bestTo < 0 ? 0 : medianError(sorted, bestFrom, bestTo);
        Map<String, CheckResult> byHost = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            String host = sorted.get(i).getKey();
            ClockSample sample = sorted.get(i).getValue();
            double skew = sample.offsetMs() - reference;
            double error = sample.errorMs() + referenceError;
            String observed = String.format(Locale.ROOT, "%+.1f ms from the other hosts (measured to within %.1f ms)",
                    skew, error);
            String off = String.format(Locale.ROOT, "the clock is %.0f ms %s the other hosts", Math.abs(skew),
                    skew > 0 ? "ahead of" : "behind");
            if (i >= bestFrom && i <= bestTo) {
                byHost.put(host, Verdicts.pass(host, NAME, observed, expected, "clock in step with the other hosts"));
            } else if (Math.abs(skew) - error > limitMs) {
                byHost.put(host, Verdicts.fail(host, NAME, observed, expected,
                        off + "; synchronise it (chronyc makestep, then keep chronyd running)", "chronyc makestep", false));
            } else {
                byHost.put(host, Verdicts.warn(host, NAME, observed, expected, off + ", but the reading may be off by "
                        + String.format(Locale.ROOT, "%.0f ms", error) + ": re-check, or compare with chronyc tracking",
                        "chronyc makestep"));
            }
        }
        return new ArrayList<>(byHost.values());
    }

    private static double offset(List<Map.Entry<String, ClockSample>> sorted, int i) {
        return sorted.get(i).getValue().offsetMs();
    }

    private static double distanceToZero(List<Map.Entry<String, ClockSample>> sorted, int from, int to) {
        return to < 0 ? Double.MAX_VALUE : Math.abs(median(sorted, from, to));
    }

    private static double medianError(List<Map.Entry<String, ClockSample>> sorted, int from, int to) {
        double[] errors = sorted.subList(from, to + 1).stream().mapToDouble(e -> e.getValue().errorMs()).sorted().toArray();
        return errors[errors.length / 2];
    }

    private static double median(List<Map.Entry<String, ClockSample>> sorted, int from, int to) {
        int n = to - from + 1;
        return n % 2 == 1 ? offset(sorted, from + n / 2)
                : (offset(sorted, from + n / 2 - 1) + offset(sorted, from + n / 2)) / 2;
    }
}
