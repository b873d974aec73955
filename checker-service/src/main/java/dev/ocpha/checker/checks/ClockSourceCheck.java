package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Clock source {@code tsc} on OBServer hosts
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md); a warning: virtual
 * machines often cannot use it.
 */
@ApplicationScoped
public class ClockSourceCheck extends CatalogCheck {

    static final String NAME = "clock-source";
    static final String DIR = "/sys/devices/system/clocksource/clocksource0";

    public ClockSourceCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.WARNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "ocpha_cat " + DIR + "/current_clocksource " + DIR + "/available_clocksource";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        List<String> lines = output.lines().map(String::trim).toList();
        String current = lines.isEmpty() ? "unknown" : lines.get(0);
        boolean available = lines.size() > 1 && List.of(lines.get(1).split("\\s+")).contains("tsc");
        if (current.equals("tsc")) {
            return List.of(Verdicts.pass(context.name(), NAME, current, "tsc", "clock source is tsc"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, current, "tsc", "clock source is " + current
                        + (available ? "" : "; tsc is not available on this machine"),
                available ? "echo tsc > " + DIR + "/current_clocksource" : null, false));
    }
}
