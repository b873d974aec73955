package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transparent hugepages {@code never} on OBServer hosts
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md); the fix sets enabled
 * and defrag.
 */
@ApplicationScoped
public class TransparentHugepagesCheck extends CatalogCheck {

    static final String NAME = "transparent-hugepages";
    static final String ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";
    static final String DEFRAG = "/sys/kernel/mm/transparent_hugepage/defrag";
    private static final Pattern SELECTED = Pattern.compile("\\[(\\w+)]");

    public TransparentHugepagesCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "ocpha_cat " + ENABLED;
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        Matcher selected = SELECTED.matcher(output);
        String mode = selected.find() ? selected.group(1) : output.trim();
        if (mode.equals("never")) {
            return List.of(Verdicts.pass(context.name(), NAME, mode, "never", "transparent hugepages are off"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, mode.isEmpty() ? "unreadable" : mode, "never",
                "transparent hugepages are '" + mode + "'; OceanBase needs them off",
                "echo never > " + ENABLED + " && echo never > " + DEFRAG, true));
    }
}
