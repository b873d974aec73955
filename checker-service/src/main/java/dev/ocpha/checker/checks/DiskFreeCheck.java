package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Free space for each planned path
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/),
 * one result per path. A path that does not exist yet is measured on the nearest existing parent, where it will be
 * created.
 */
@ApplicationScoped
public class DiskFreeCheck extends CatalogCheck {

    static final String NAME = "disk-free";

    public DiskFreeCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public boolean appliesTo(CheckContext context) {
        return !context.thresholds().freeDiskGbByPath().isEmpty();
    }

    /** Prints {@code path<TAB>existing} per planned path, then one {@code df -Pk} over the existing ones, in order. */
    @Override
    public String probe(CheckContext context) {
        String paths = context.thresholds().freeDiskGbByPath().keySet().stream().map(Shell::quote)
                .collect(Collectors.joining(" "));
        return "set --; for p in " + paths + "; do d=\"$p\"; while [ ! -e \"$d\" ]; do d=\"${d%/*}\"; "
                + "[ -n \"$d\" ] || d=/; done; printf '%s\\t%s\\n' \"$p\" \"$d\"; set -- \"$@\" \"$d\"; done; "
                + "echo @df; df -Pk \"$@\"";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        List<String[]> planned = new ArrayList<>();
        List<String> df = new ArrayList<>();
        boolean inDf = false;
        for (String line : output.split("\n")) {
            if (line.equals("@df")) {
                inDf = true;
            } else if (inDf) {
                if (!line.startsWith("Filesystem") && !line.isBlank()) {
                    df.add(line);
                }
            } else {
                String[] parts = line.split("\t", 2);
                if (parts.length == 2) {
                    planned.add(parts);
                }
            }
        }
        Map<String, String[]> byPath = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            byPath.put(planned.get(i)[0], new String[] {planned.get(i)[0], planned.get(i)[1], i < df.size() ? df.get(i) : ""});
        }
        List<CheckResult> results = new ArrayList<>();
        context.thresholds().freeDiskGbByPath().forEach((path, requiredGb) -> {
            String check = NAME + ":" + path;
            String expected = "at least " + requiredGb + " GB free";
            String[] row = byPath.get(path);
            String[] fields = row == null ? new String[0] : row[2].trim().split("\\s+");
            long availableKb = fields.length >= 6 ? parseLong(fields[3]) : -1;
            if (availableKb < 0) {
                results.add(Verdicts.fail(context.name(), check, row == null ? "no output" : row[2], expected,
                        "cannot read the free space of " + path));
                return;
            }
            double freeGb = availableKb / 1024.0 / 1024.0;
            String where = row[1].equals(path) ? "" : " (on " + fields[5] + ", " + path + " does not exist yet)";
            String observed = String.format(Locale.ROOT, "%.1f GB free%s", freeGb, where);
            results.add(freeGb >= requiredGb
                    ? Verdicts.pass(context.name(), check, observed, expected, "enough free disk for " + path)
                    : Verdicts.fail(context.name(), check, observed, expected, String.format(Locale.ROOT,
                    "%s has %.1f GB free, %d GB are required", path, freeGb, requiredGb)));
        });
        return results;
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
