package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operating system, version and architecture against OCP's support matrix
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/100.planning-resources-of-single-node/400.prepare-host-single-node.md).
 * The OAT/OCP matrix passes; the wider host-standardization list (and Ubuntu, which the docs cover with extra packages)
 * is a WARN; anything else, CentOS 8 included, fails.
 */
@ApplicationScoped
public class OperatingSystemCheck extends CatalogCheck {

    static final String NAME = "os";
    private static final String EXPECTED = "x86_64: RHEL/CentOS/AliOS 7.2+ (not CentOS 8), openSUSE/SLES 12 SP3+; "
            + "aarch64: AliOS 7.2+, NeoKylin 7.6, EulerOS 2.0 SP8";
    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "aarch64");

    public OperatingSystemCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        // CentOS's os-release gives only the major version; redhat-release has the minor
        return "uname -m; ocpha_cat /etc/os-release; printf 'REDHAT_RELEASE='; ocpha_cat /etc/redhat-release; echo";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        String[] lines = output.split("\n");
        String arch = lines.length > 0 ? lines[0].trim() : "";
        Map<String, String> release = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                release.put(lines[i].substring(0, eq).trim(), lines[i].substring(eq + 1).trim().replace("\"", ""));
            }
        }
        String id = release.getOrDefault("ID", "unknown");
        String version = release.getOrDefault("VERSION_ID", "");
        java.util.regex.Matcher redhat = java.util.regex.Pattern.compile("release (\\d+(\\.\\d+)*)")
                .matcher(release.getOrDefault("REDHAT_RELEASE", ""));
        if ((id.equals("centos") || id.equals("rhel")) && redhat.find()) {
            version = redhat.group(1);
        }
        String observed = release.getOrDefault("PRETTY_NAME", id + " " + version) + " " + arch;
        String host = context.name();
        if (!ARCHITECTURES.contains(arch)) {
            return List.of(Verdicts.fail(host, NAME, observed, EXPECTED, "OCP runs on x86_64 or aarch64 only, not '" + arch + "'"));
        }
        if (supportedByOcp(id, version, arch)) {
            return List.of(Verdicts.pass(host, NAME, observed, EXPECTED, "in OCP's support matrix"));
        }
        if ((id.equals("centos") || id.equals("rhel")) && version.equals("7")) {
            return List.of(Verdicts.warn(host, NAME, observed, EXPECTED,
                    "release 7 without its minor version (no /etc/redhat-release); OCP needs 7.2 or newer", null));
        }
        if (id.equals("centos") && atLeast(version, "8")) {
            return List.of(Verdicts.fail(host, NAME, observed, EXPECTED, "CentOS 8.x is not supported by OCP"));
        }
        if (standardizable(id, version)) {
            return List.of(Verdicts.warn(host, NAME, observed, EXPECTED,
                    "accepted by OCP's host standardization but not in the OAT/OCP matrix; expect extra packages", null));
        }
        return List.of(Verdicts.fail(host, NAME, observed, EXPECTED, "operating system not supported by OCP"));
    }

    private static boolean supportedByOcp(String id, String version, String arch) {
        boolean x86 = arch.equals("x86_64");
        return switch (id) {
            case "rhel", "centos" -> x86 && atLeast(version, "7.2") && !atLeast(version, "8");
            case "alios" -> atLeast(version, "7.2");
            case "alinux" -> atLeast(version, "2"); // Alibaba Cloud Linux, the successor of AliOS
            case "opensuse", "opensuse-leap", "sles" -> x86 && atLeast(version, "12.3");
            case "neokylin" -> !x86 && atLeast(version, "7.6");
            case "euleros" -> !x86 && atLeast(version, "2.0");
            default -> false;
        };
    }

    private static boolean standardizable(String id, String version) {
        return switch (id) {
            case "anolis" -> atLeast(version, "8.6");
            case "kylin" -> atLeast(version, "10");
            case "uos" -> atLeast(version, "20");
            case "nfs", "nfschina" -> atLeast(version, "4.0");
            case "kos", "inspur" -> atLeast(version, "5.8");
            case "debian" -> atLeast(version, "8.3") || atLeast(version, "9");
            case "ubuntu" -> true;
            default -> false;
        };
    }

    /** Numeric comparison of dotted versions; non-numeric parts count as 0. */
    static boolean atLeast(String version, String minimum) {
        String[] have = version.split("[.\\-_ ]");
        String[] need = minimum.split("\\.");
        for (int i = 0; i < Math.max(have.length, need.length); i++) {
            int h = i < have.length ? number(have[i]) : 0;
            int n = i < need.length ? number(need[i]) : 0;
            if (h != n) {
                return h > n;
            }
        }
        return true;
    }

    private static int number(String part) {
        String digits = part.replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
