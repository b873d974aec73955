package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kernel parameters against OCP's host standardization ranges
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md), one result per
 * parameter. The fix sets the recommended value now and persists it in {@value #PERSIST_FILE}.
 */
@ApplicationScoped
public class KernelParametersCheck extends CatalogCheck {

    static final String NAME = "kernel";
    static final String PERSIST_FILE = "/etc/sysctl.d/oceanbase.conf";

    /** One inclusive range per whitespace-separated field of the value; {@code recommended} is what a fix sets. */
    record Parameter(String key, long[][] ranges, String recommended) {
        String expected() {
            List<String> parts = new ArrayList<>();
            for (long[] r : ranges) {
                parts.add(r[0] == r[1] ? Long.toString(r[0]) : r[1] == Long.MAX_VALUE ? "≥ " + r[0] : r[0] + "–" + r[1]);
            }
            return String.join(" / ", parts);
        }
    }

    static final List<Parameter> PARAMETERS = List.of(
            range("net.core.somaxconn", 2048, 16384, "2048"),
            range("net.core.netdev_max_backlog", 500, 10000, "10000"),
            range("net.core.rmem_default", 65536, 16777216, "16777216"),
            range("net.core.wmem_default", 65536, 16777216, "16777216"),
            range("net.core.rmem_max", 8388608, 16777216, "16777216"),
            range("net.core.wmem_max", 8388608, 16777216, "16777216"),
            range("net.ipv4.conf.default.rp_filter", 1, 1, "1"),
            range("net.ipv4.conf.default.accept_source_route", 0, 0, "0"),
            range("net.ipv4.tcp_syncookies", 1, 1, "1"),
            new Parameter("net.ipv4.tcp_rmem", new long[][] {{4096, 8192}, {65536, 174760}, {8388608, 16777216}},
                    "4096 87380 16777216"),
            new Parameter("net.ipv4.tcp_wmem", new long[][] {{4096, 8192}, {65536, 131072}, {8388608, 16777216}},
                    "4096 65536 16777216"),
            range("net.ipv4.tcp_max_syn_backlog", 1024, 16384, "16384"),
            range("net.ipv4.tcp_fin_timeout", 15, 60, "15"),
            range("net.ipv4.tcp_tw_reuse", 1, 1, "1"),
            range("net.ipv4.tcp_slow_start_after_idle", 0, 0, "0"),
            range("vm.swappiness", 0, 0, "0"),
            range("vm.min_free_kbytes", 32768, 2097152, "2097152"),
            range("vm.max_map_count", 327680, 1000000, "655360"),
            range("vm.overcommit_memory", 0, 0, "0"),
            range("vm.nr_hugepages", 0, 0, "0"),
            range("fs.aio-max-nr", 1048576, Long.MAX_VALUE, "1048576"),
            range("kernel.numa_balancing", 0, 0, "0"),
            range("vm.zone_reclaim_mode", 0, 0, "0"),
            range("fs.file-max", 6573688, Long.MAX_VALUE, "6573688"),
            range("fs.pipe-user-pages-soft", 0, 0, "0"));

    private static Parameter range(String key, long min, long max, String recommended) {
        return new Parameter(key, new long[][] {{min, max}}, recommended);
    }

    public KernelParametersCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.TUNING);
    }

    @Override
    public String probe(CheckContext context) {
        // one process for every key: on a busy host each process start costs more than the reads
        return "sysctl " + PARAMETERS.stream().map(Parameter::key).collect(Collectors.joining(" ")) + " 2>/dev/null";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) { // "key = value", tabs between the fields of tcp_rmem
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("\\s+", " "));
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (Parameter parameter : PARAMETERS) {
            String check = NAME + ":" + parameter.key();
            String value = values.get(parameter.key());
            String observed = value == null ? "not set" : value;
            if (value != null && within(value, parameter.ranges())) {
                results.add(Verdicts.pass(context.name(), check, observed, parameter.expected(), "in range"));
            } else if (value == null) {
                // a kernel without the parameter (e.g. numa_balancing on a non-NUMA build) cannot be set
                results.add(Verdicts.warn(context.name(), check, observed, parameter.expected(),
                        parameter.key() + " does not exist on this kernel", null));
            } else {
                results.add(Verdicts.fail(context.name(), check, observed, parameter.expected(),
                        parameter.key() + " is " + observed + ", outside OCP's range " + parameter.expected(),
                        fix(parameter.key(), parameter.recommended()), true));
            }
        }
        return results;
    }

    static boolean within(String value, long[][] ranges) {
        String[] fields = value.trim().split("\\s+");
        if (fields.length != ranges.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            long v;
            try {
                v = Long.parseLong(fields[i]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (v < ranges[i][0] || v > ranges[i][1]) {
                return false;
            }
        }
        return true;
    }

    /** Sets the value now and replaces any earlier line for the key in the persisted file. */
    static String fix(String key, String value) {
        String pattern = "/^" + key.replace(".", "\\.") + "[[:space:]]*=/d";
        return "sysctl -w " + Shell.quote(key + "=" + value)
                + " && mkdir -p /etc/sysctl.d && touch " + PERSIST_FILE
                + " && sed -i " + Shell.quote(pattern) + " " + PERSIST_FILE
                + " && echo " + Shell.quote(key + " = " + value) + " >> " + PERSIST_FILE;
    }
}
