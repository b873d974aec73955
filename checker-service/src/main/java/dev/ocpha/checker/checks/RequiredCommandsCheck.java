package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands OCP's host standardization expects on OBServer hosts
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md), by the package that
 * brings each.
 */
@ApplicationScoped
public class RequiredCommandsCheck extends CatalogCheck {

    static final String NAME = "required-commands";
    static final Map<String, String> PACKAGE_BY_COMMAND = new LinkedHashMap<>();

    static {
        PACKAGE_BY_COMMAND.put("netstat", "net-tools");
        PACKAGE_BY_COMMAND.put("mtr", "mtr");
        PACKAGE_BY_COMMAND.put("tar", "tar");
        PACKAGE_BY_COMMAND.put("readelf", "binutils");
        PACKAGE_BY_COMMAND.put("nslookup", "bind-utils");
        PACKAGE_BY_COMMAND.put("curl", "curl");
        PACKAGE_BY_COMMAND.put("nc", "nmap-ncat");
        PACKAGE_BY_COMMAND.put("ip", "iproute");
    }

    public RequiredCommandsCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.WARNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "for c in " + String.join(" ", PACKAGE_BY_COMMAND.keySet())
                + "; do command -v \"$c\" >/dev/null 2>&1 || echo \"missing $c\"; done";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        List<String> missing = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        output.lines().filter(l -> l.startsWith("missing ")).map(l -> l.substring(8).trim()).forEach(command -> {
            missing.add(command);
            packages.add(PACKAGE_BY_COMMAND.getOrDefault(command, command));
        });
        String expected = String.join(", ", PACKAGE_BY_COMMAND.keySet());
        if (missing.isEmpty()) {
            return List.of(Verdicts.pass(context.name(), NAME, "all present", expected, "every required command is installed"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, "missing: " + String.join(", ", missing), expected,
                "commands missing: " + String.join(", ", missing), "yum install -y " + String.join(" ", packages), false));
    }
}
