package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Swap off on OBServer hosts
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md); the fix turns it off
 * and comments out the swap lines of fstab.
 */
@ApplicationScoped
public class SwapCheck extends CatalogCheck {

    static final String NAME = "swap";
    static final String FIX = "swapoff -a && { [ ! -f /etc/fstab ] || sed -i '/^[^#].*[[:space:]]swap[[:space:]]/s/^/#/' /etc/fstab; }";

    public SwapCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "if command -v swapon >/dev/null 2>&1; then swapon --show --noheadings; else ocpha_cat /proc/swaps; fi";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        List<String> devices = output.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("Filename"))
                .map(l -> l.split("\\s+")[0]).toList();
        if (devices.isEmpty()) {
            return List.of(Verdicts.pass(context.name(), NAME, "off", "off", "no swap in use"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, "on: " + String.join(", ", devices), "off",
                "swap is on (" + String.join(", ", devices) + "); OceanBase needs it off", FIX, true));
    }
}
