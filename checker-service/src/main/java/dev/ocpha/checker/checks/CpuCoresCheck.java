package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Online CPU cores against the host's requirement
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/).
 */
@ApplicationScoped
public class CpuCoresCheck extends CatalogCheck {

    static final String NAME = "cpu-cores";

    public CpuCoresCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public String probe(CheckContext context) {
        return "nproc 2>/dev/null || grep -c '^processor' /proc/cpuinfo";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        int required = context.thresholds().cpuCores();
        String expected = "at least " + required + " cores (" + context.thresholds().basis() + ")";
        int cores;
        try {
            cores = Integer.parseInt(output.trim());
        } catch (NumberFormatException e) {
            return List.of(Verdicts.fail(context.name(), NAME, output.trim(), expected, "cannot read the core count"));
        }
        String observed = cores + " cores";
        return List.of(cores >= required
                ? Verdicts.pass(context.name(), NAME, observed, expected, "enough CPU cores")
                : Verdicts.fail(context.name(), NAME, observed, expected,
                "the host has " + cores + " cores, " + required + " are required"));
    }
}
