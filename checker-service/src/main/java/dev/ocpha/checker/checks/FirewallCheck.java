package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * firewalld inactive, or active with every port of the host's roles open
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md).
 */
@ApplicationScoped
public class FirewallCheck extends CatalogCheck {

    static final String NAME = "firewall";
    static final String FIX = "systemctl stop firewalld && systemctl disable firewalld";

    public FirewallCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "if command -v systemctl >/dev/null 2>&1; then if systemctl is-active firewalld >/dev/null 2>&1; then "
                + "echo 'state active'; printf 'ports '; firewall-cmd --list-ports 2>/dev/null; echo; "
                + "else echo 'state inactive'; fi; else echo 'state no-systemd'; fi";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        String state = field(output, "state");
        String expected = "firewalld inactive, or ports " + context.thresholds().ports() + " open";
        if (!state.equals("active")) {
            return List.of(Verdicts.pass(context.name(), NAME, "firewalld " + (state.isEmpty() ? "absent" : state),
                    expected, "no firewall in the way"));
        }
        Set<String> open = Set.of(field(output, "ports").split("\\s+"));
        List<Integer> closed = new ArrayList<>();
        for (int port : context.thresholds().ports()) {
            if (!open.contains(port + "/tcp")) {
                closed.add(port);
            }
        }
        if (closed.isEmpty()) {
            return List.of(Verdicts.pass(context.name(), NAME, "firewalld active, ports open", expected,
                    "firewalld allows the roles' ports"));
        }
        String rules = closed.stream().map(p -> "firewall-cmd --permanent --add-port=" + p + "/tcp")
                .collect(Collectors.joining(" && ")) + " && firewall-cmd --reload";
        return List.of(Verdicts.fail(context.name(), NAME, "firewalld active; closed: " + closed, expected,
                "firewalld is active and blocks ports " + closed + "; stop it (the fix) or open them: " + rules,
                FIX, true));
    }

    private static String field(String output, String name) {
        return output.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1).trim())
                .findFirst().orElse("");
    }
}
