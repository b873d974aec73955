package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * SELinux disabled (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md). Not
 * auto-fixed: {@code setenforce 0} only makes it permissive, disabling takes the config change and a reboot, which an
 * operator schedules.
 */
@ApplicationScoped
public class SelinuxCheck extends CatalogCheck {

    static final String NAME = "selinux";
    static final String FIX = "setenforce 0; sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config && reboot";

    public SelinuxCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "if command -v getenforce >/dev/null 2>&1; then getenforce; else echo absent; fi; "
                + "ocpha_cat /etc/selinux/config";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        List<String> lines = output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String mode = lines.isEmpty() ? "unknown" : lines.get(0);
        String configured = lines.stream().filter(l -> l.startsWith("SELINUX=")).map(l -> l.substring(8))
                .findFirst().orElse("");
        String observed = mode + (configured.isEmpty() ? "" : " (config: " + configured + ")");
        if (mode.equalsIgnoreCase("Disabled") || mode.equals("absent")) {
            return List.of(Verdicts.pass(context.name(), NAME, observed, "Disabled", "SELinux is off"));
        }
        if (mode.equalsIgnoreCase("Permissive") && configured.equalsIgnoreCase("disabled")) {
            return List.of(Verdicts.warn(context.name(), NAME, observed, "Disabled",
                    "SELinux is permissive and disabled from the next boot on", "reboot"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, observed, "Disabled",
                "SELinux is " + mode + "; OCP needs it disabled", FIX, false));
    }
}
