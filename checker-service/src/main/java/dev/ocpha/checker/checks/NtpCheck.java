package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host is synchronised by chrony or ntpd within 100 ms of its source: OCP's {@code host_ntp_offset_too_large} alert
 * fires above that
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1900.reference-guide/100.alarm-reference/300.application-alert/2000.host_ntp_offset_too_large.md),
 * and {@code host_ntp_service_not_exist} without either service.
 */
@ApplicationScoped
public class NtpCheck extends CatalogCheck {

    static final String NAME = "ntp";
    static final double MAX_OFFSET_MS = 100;
    private static final String EXPECTED = "chrony or ntpd synchronised, offset ≤ 100 ms";
    private static final Pattern CHRONY_OFFSET = Pattern.compile("System time\\s*:\\s*([0-9.]+) seconds (fast|slow)");
    private static final Pattern NTPSTAT_OFFSET = Pattern.compile("within (\\d+) ms");

    public NtpCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.WARNING);
    }

    @Override
    public String probe(CheckContext context) {
        return "if command -v chronyc >/dev/null 2>&1; then chronyc tracking; "
                + "elif command -v ntpstat >/dev/null 2>&1; then ntpstat; else echo 'no NTP client'; fi";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        String host = context.name();
        String fix = "systemctl enable --now chronyd";
        if (output.contains("no NTP client")) {
            return List.of(Verdicts.fail(host, NAME, "neither chrony nor ntpd", EXPECTED,
                    "no NTP service on the host", "yum install -y chrony && " + fix, false));
        }
        Matcher chrony = CHRONY_OFFSET.matcher(output);
        if (chrony.find()) {
            double offsetMs = Double.parseDouble(chrony.group(1)) * 1000;
            String observed = String.format(Locale.ROOT, "chrony, %.3f ms %s", offsetMs, chrony.group(2));
            if (output.contains("Not synchronised")) {
                return List.of(Verdicts.fail(host, NAME, observed + ", not synchronised", EXPECTED,
                        "chrony is not synchronised to any source", fix, false));
            }
            return List.of(judge(host, observed, offsetMs, fix));
        }
        Matcher ntpstat = NTPSTAT_OFFSET.matcher(output);
        if (ntpstat.find() && !output.contains("unsynchronised")) {
            double offsetMs = Double.parseDouble(ntpstat.group(1));
            return List.of(judge(host, "ntpd, within " + ntpstat.group(1) + " ms", offsetMs, fix));
        }
        return List.of(Verdicts.fail(host, NAME, output.trim().lines().findFirst().orElse("no output"), EXPECTED,
                "the NTP client reports no synchronisation", fix, false));
    }

    private static CheckResult judge(String host, String observed, double offsetMs, String fix) {
        return offsetMs <= MAX_OFFSET_MS
                ? Verdicts.pass(host, NAME, observed, EXPECTED, "synchronised")
                : Verdicts.fail(host, NAME, observed, EXPECTED, "offset from the NTP source above 100 ms", fix, false);
    }
}
