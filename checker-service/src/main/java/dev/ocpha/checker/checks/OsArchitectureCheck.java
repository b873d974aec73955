package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** OCP runs on Linux, x86_64 or aarch64 (ocp-facts §4.1). */
@ApplicationScoped
public class OsArchitectureCheck implements HostCheck {

    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "aarch64");

    @Override
    public String name() {
        return "os-architecture";
    }

    @Override
    public String probe() {
        return "uname -sm";
    }

    @Override
    public CheckResult evaluate(String host, String output) {
        String[] parts = output.trim().split("\\s+");
        String os = parts.length > 0 ? parts[0] : "";
        String arch = parts.length > 1 ? parts[1] : "";
        boolean ok = "Linux".equals(os) && ARCHITECTURES.contains(arch);
        return new CheckResult(host, name(), ok ? "PASS" : "FAIL", output.trim(), "Linux x86_64 or aarch64",
                ok ? "supported operating system and architecture" : "OCP needs Linux on x86_64 or aarch64",
                null, false);
    }
}
