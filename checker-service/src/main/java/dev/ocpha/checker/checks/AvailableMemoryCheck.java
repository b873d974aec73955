package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Available memory ({@code MemAvailable}) against the host's requirement: OCP sizes by available RAM
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/200.product-introduction/400.restrictions/100.system-requirements.md).
 */
@ApplicationScoped
public class AvailableMemoryCheck extends CatalogCheck {

    static final String NAME = "memory-available";

    public AvailableMemoryCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public String probe(CheckContext context) {
        return "ocpha_cat /proc/meminfo";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        int required = context.thresholds().memoryGb();
        String expected = "at least " + required + " GB available (" + context.thresholds().basis() + ")";
        long totalKb = kilobytes(output, "MemTotal");
        long availableKb = kilobytes(output, "MemAvailable");
        if (availableKb < 0) {
            return List.of(Verdicts.fail(context.name(), NAME, output.trim(), expected, "cannot read MemAvailable from /proc/meminfo"));
        }
        double availableGb = availableKb / 1024.0 / 1024.0;
        String observed = String.format(Locale.ROOT, "%.1f GB available of %.1f GB", availableGb, totalKb / 1024.0 / 1024.0);
        return List.of(availableGb >= required
                ? Verdicts.pass(context.name(), NAME, observed, expected, "enough available memory")
                : Verdicts.fail(context.name(), NAME, observed, expected, String.format(Locale.ROOT,
                "%.1f GB of memory is available, %d GB are required", availableGb, required)));
    }

    private static long kilobytes(String meminfo, String key) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
