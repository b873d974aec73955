package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The limits OCP's host standardization wants in {@value #FILE}
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md): root/admin nofile
 * 655350, admin stack 10240, nproc 655360, core unlimited; soft and hard. Read as pam_limits does: limits.conf, then
 * limits.d in name order, a later line overriding an earlier one, {@code *} not applying to root.
 */
@ApplicationScoped
public class UlimitsCheck extends CatalogCheck {

    static final String NAME = "ulimits";
    static final String FILE = "/etc/security/limits.d/99-oceanbase_limits.conf";

    record Limit(String user, String item, long minimum) {
        String label() {
            return user + " " + item + " " + (minimum == Long.MAX_VALUE ? "unlimited" : Long.toString(minimum));
        }
    }

    static final List<Limit> LIMITS = List.of(
            new Limit("root", "nofile", 655350),
            new Limit("admin", "nofile", 655350),
            new Limit("admin", "stack", 10240),
            new Limit("admin", "nproc", 655360),
            new Limit("admin", "core", Long.MAX_VALUE));

    public UlimitsCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "ocpha_cat /etc/security/limits.conf /etc/security/limits.d/*.conf"; // the glob sorts, as pam_limits
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        // (user, item, soft|hard) -> value, later lines win
        Map<String, String> effective = new HashMap<>();
        for (String raw : output.split("\n")) {
            String line = raw.replaceAll("#.*", "").trim();
            String[] f = line.split("\\s+");
            if (f.length < 4) {
                continue;
            }
            for (String user : List.of("root", "admin")) {
                boolean applies = f[0].equals(user) || (f[0].equals("*") && !user.equals("root"));
                if (!applies) {
                    continue;
                }
                if (f[1].equals("soft") || f[1].equals("-")) {
                    effective.put(user + " " + f[2] + " soft", f[3]);
                }
                if (f[1].equals("hard") || f[1].equals("-")) {
                    effective.put(user + " " + f[2] + " hard", f[3]);
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        for (Limit limit : LIMITS) {
            for (String kind : List.of("soft", "hard")) {
                String value = effective.get(limit.user() + " " + limit.item() + " " + kind);
                observed.add(limit.user() + " " + kind + " " + limit.item() + " " + (value == null ? "default" : value));
                if (!satisfies(value, limit.minimum())) {
                    wrong.add(limit.user() + " " + kind + " " + limit.item());
                }
            }
        }
        String expected = LIMITS.stream().map(Limit::label).collect(Collectors.joining(", ")) + " (soft and hard)";
        if (wrong.isEmpty()) {
            return List.of(Verdicts.pass(context.name(), NAME, String.join(", ", observed), expected, "limits set"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, String.join(", ", observed), expected,
                "limits too low or unset: " + String.join(", ", wrong), fix(), true));
    }

    private static boolean satisfies(String value, long minimum) {
        if (value == null) {
            return false;
        }
        if (value.equals("unlimited") || value.equals("infinity") || value.equals("-1")) {
            return true;
        }
        try {
            return minimum != Long.MAX_VALUE && Long.parseLong(value) >= minimum;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Writes the whole file: it is ours, and read last. */
    static String fix() {
        List<String> lines = new ArrayList<>();
        for (Limit limit : LIMITS) {
            String value = limit.minimum() == Long.MAX_VALUE ? "unlimited" : Long.toString(limit.minimum());
            lines.add(limit.user() + " soft " + limit.item() + " " + value);
            lines.add(limit.user() + " hard " + limit.item() + " " + value);
        }
        return "mkdir -p /etc/security/limits.d && printf '%s\\n' "
                + lines.stream().map(Shell::quote).collect(Collectors.joining(" ")) + " > " + FILE;
    }
}
