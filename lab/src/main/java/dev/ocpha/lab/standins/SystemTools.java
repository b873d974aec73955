package dev.ocpha.lab.standins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stand-ins for the system tools an installer or an auto-fix runs
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md). Each changes only the
 * calling host's recorded state: its own /proc/sys files, its services, SELinux mode, swap, firewall rules and clock.
 */
public final class SystemTools {
    private static final String REAL_DATE = "/usr/bin/date";
    private static final String REAL_DF = "/usr/bin/df";

    private SystemTools() {
    }

    static void register(ControlServer server) {
        server.tool("sysctl", SystemTools::sysctl);
        server.tool("swapon", SystemTools::swapon);
        server.tool("swapoff", SystemTools::swapoff);
        server.tool("systemctl", SystemTools::systemctl);
        server.tool("setenforce", SystemTools::setenforce);
        server.tool("getenforce", c -> {
            c.out(capitalize(c.host().system().selinux) + "\n");
            return 0;
        });
        server.tool("sestatus", SystemTools::sestatus);
        server.tool("chronyc", SystemTools::chronyc);
        server.tool("ntpstat", SystemTools::ntpstat);
        server.tool("date", SystemTools::date);
        server.tool("df", SystemTools::df);
        server.tool("firewall-cmd", SystemTools::firewallCmd);
        server.tool("iptables", SystemTools::iptables);
        UserTools.register(server);
    }

    // ---- sysctl (procps-ng flags: -n -e -q -w -p [file] --system -a) ----

    static int sysctl(ToolCall c) throws IOException {
        boolean valuesOnly = false;
        boolean quiet = false;
        boolean ignoreUnknown = false;
        boolean write = false;
        List<String> items = new ArrayList<>();
        String loadFile = null;
        boolean load = false;
        boolean system = false;
        boolean all = false;
        List<String> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-n", "--values" -> valuesOnly = true;
                case "-q", "--quiet" -> quiet = true;
                case "-e", "--ignore" -> ignoreUnknown = true;
                case "-w", "--write" -> write = true;
                case "-a", "-A", "-X", "--all" -> all = true;
                case "--system" -> system = true;
                case "-p", "--load" -> {
                    load = true;
                    if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                        loadFile = args.get(++i);
                    }
                }
                default -> {
                    if (a.startsWith("-p") && a.length() > 2) {
                        load = true;
                        loadFile = a.substring(2);
                    } else if (a.startsWith("--load=")) {
                        load = true;
                        loadFile = a.substring("--load=".length());
                    } else if (a.startsWith("-")) {
                        return c.fail(1, "sysctl: invalid option -- '" + a.replaceFirst("^-+", "") + "'\nUsage:\n sysctl [options] [variable[=value] ...]");
                    } else {
                        items.add(a);
                    }
                }
            }
        }
        Path procSys = c.host().procSys();
        int status = 0;
        if (all) {
            try (Stream<Path> files = Files.walk(procSys)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String key = procSys.relativize(f).toString().replace('/', '.');
                    c.out(valuesOnly ? read(f) + "\n" : key + " = " + read(f) + "\n");
                }
            }
            return 0;
        }
        if (system) {
            List<Path> files = new ArrayList<>();
            Path dir = c.hostPath("/etc/sysctl.d");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(files::add);
                }
            }
            files.add(c.hostPath("/etc/sysctl.conf"));
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    c.out("* Applying /" + c.host().root().relativize(f) + " ...\n");
                    status |= applyFile(c, f, quiet, ignoreUnknown);
                }
            }
            return status;
        }
        if (load) {
            String name = loadFile == null ? "/etc/sysctl.conf" : loadFile;
            Path f = c.hostPath(name);
            if (!Files.isRegularFile(f)) {
                return c.fail(255, "sysctl: cannot open \"" + name + "\": No such file or directory");
            }
            return applyFile(c, f, quiet, ignoreUnknown);
        }
        if (items.isEmpty()) {
            return c.fail(1, "sysctl: no variables specified\nTry `sysctl --help' for more information.");
        }
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                status |= set(c, item.substring(0, eq).strip(), item.substring(eq + 1).strip(), quiet, ignoreUnknown);
            } else if (write) {
                status |= c.fail(255, "sysctl: \"" + item + "\" must be of the form name=value");
            } else {
                Path f = keyFile(procSys, item);
                if (!Files.isRegularFile(f)) {
                    if (!ignoreUnknown) {
                        status |= c.fail(255, "sysctl: cannot stat /proc/sys/" + item.replace('.', '/') + ": No such file or directory");
                    }
                    continue;
                }
                c.out(valuesOnly ? read(f) + "\n" : item + " = " + read(f) + "\n");
            }
        }
        return status;
    }

    private static int applyFile(ToolCall c, Path file, boolean quiet, boolean ignoreUnknown) throws IOException {
        int status = 0;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            boolean optional = line.startsWith("-");
            int eq = line.indexOf('=');
            if (eq < 0) {
                status |= c.fail(255, "sysctl: " + file.getFileName() + ": line without '=': " + line);
                continue;
            }
            String key = line.substring(optional ? 1 : 0, eq).strip();
            status |= set(c, key, line.substring(eq + 1).strip(), quiet, ignoreUnknown || optional);
        }
        return status;
    }

    private static int set(ToolCall c, String key, String value, boolean quiet, boolean ignoreUnknown) throws IOException {
        Path f = keyFile(c.host().procSys(), key);
        if (!Files.isRegularFile(f)) {
            if (ignoreUnknown) {
                return 0;
            }
            return c.fail(255, "sysctl: cannot stat /proc/sys/" + key.replace('.', '/') + ": No such file or directory");
        }
        String normalized = String.join("\t", value.strip().split("\\s+"));
        if (!normalized.matches("[-0-9\t]+") && read(f).matches("[-0-9\t]+")) {
            return c.fail(255, "sysctl: setting key \"" + key + "\": Invalid argument");
        }
        Files.writeString(f, normalized + "\n");
        if (!quiet) {
            c.out(key + " = " + normalized + "\n");
        }
        return 0;
    }

    private static Path keyFile(Path procSys, String key) {
        Path f = procSys.resolve(key.replace('.', '/')).normalize();
        return f.startsWith(procSys) ? f : procSys.resolve("..invalid");
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f).strip();
    }

    // ---- swap ----

    static int swapon(ToolCall c) throws IOException {
        List<String> a = c.args();
        if (a.contains("--show") || a.stream().anyMatch(s -> s.startsWith("--show=")) || a.contains("-s") || a.contains("--summary")) {
            if (c.host().system().swapOn) {
                boolean summary = a.contains("-s") || a.contains("--summary");
                c.out(summary ? "Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n/dev/dm-1                              \tpartition\t4194300\t0\t-2\n"
                        : (a.contains("--noheadings") ? "" : "NAME      TYPE      SIZE USED PRIO\n") + "/dev/dm-1 partition   4G   0B   -2\n");
            }
            return 0;
        }
        if (a.contains("-a") || a.contains("--all") || a.contains("/dev/dm-1")) {
            setSwap(c, true);
            return 0;
        }
        return c.fail(1, "swapon: bad usage\nTry 'swapon --help' for more information.");
    }

    static int swapoff(ToolCall c) throws IOException {
        if (c.args().contains("-a") || c.args().contains("--all") || c.args().contains("/dev/dm-1")) {
            setSwap(c, false);
            return 0;
        }
        if (c.args().isEmpty()) {
            return c.fail(1, "swapoff: bad usage\nTry 'swapoff --help' for more information.");
        }
        return c.fail(1, "swapoff: " + c.args().get(c.args().size() - 1) + ": swapoff failed: Invalid argument");
    }

    private static void setSwap(ToolCall c, boolean on) {
        synchronized (c.host().system()) {
            c.host().system().swapOn = on;
        }
        c.host().saveSystem();
        c.host().writeProcViews();
        c.result("swap " + (on ? "on" : "off"));
    }

    // ---- systemctl ----

    static int systemctl(ToolCall c) throws IOException {
        List<String> words = c.args().stream().filter(a -> !a.startsWith("-")).toList();
        boolean now = c.args().contains("--now");
        boolean quiet = c.args().contains("-q") || c.args().contains("--quiet");
        if (words.isEmpty()) {
            return c.fail(1, "systemctl: the lab stand-in needs a command (is-active, is-enabled, start, stop, restart, "
                    + "enable, disable, status, daemon-reload)");
        }
        String verb = words.get(0);
        if (verb.equals("daemon-reload")) {
            return 0;
        }
        List<String> units = words.subList(1, words.size()).stream().map(u -> u.replaceFirst("\\.service$", "")).toList();
        if (units.isEmpty()) {
            return c.fail(1, "Too few arguments.");
        }
        SystemState s = c.host().system();
        int status = 0;
        for (String unit : units) {
            boolean[] state;
            synchronized (s) {
                state = s.services.get(unit);
            }
            switch (verb) {
                case "is-active" -> {
                    boolean active = state != null && state[0];
                    if (!quiet) {
                        c.out((active ? "active" : state == null ? "unknown" : "inactive") + "\n");
                    }
                    status = Math.max(status, active ? 0 : 3);
                }
                case "is-enabled" -> {
                    if (state == null) {
                        status = Math.max(status, c.fail(1, "Failed to get unit file state for " + unit + ".service: No such file or directory"));
                    } else {
                        if (!quiet) {
                            c.out((state[1] ? "enabled" : "disabled") + "\n");
                        }
                        status = Math.max(status, state[1] ? 0 : 1);
                    }
                }
                case "status" -> {
                    if (state == null) {
                        status = Math.max(status, c.fail(4, "Unit " + unit + ".service could not be found."));
                    } else {
                        c.out("● " + unit + ".service\n   Loaded: loaded (/usr/lib/systemd/system/" + unit + ".service; "
                                + (state[1] ? "enabled" : "disabled") + "; vendor preset: enabled)\n   Active: "
                                + (state[0] ? "active (running)" : "inactive (dead)") + "\n");
                        status = Math.max(status, state[0] ? 0 : 3);
                    }
                }
                case "start", "stop", "restart", "reload", "enable", "disable", "mask", "unmask" -> {
                    if (state == null) {
                        status = Math.max(status, c.fail(5, "Failed to " + verb + " unit: Unit file " + unit + ".service does not exist."));
                        continue;
                    }
                    synchronized (s) {
                        switch (verb) {
                            case "start", "restart", "reload" -> state[0] = true;
                            case "stop" -> state[0] = false;
                            case "enable", "unmask" -> {
                                if (!state[1] && verb.equals("enable")) {
                                    c.out("Created symlink from /etc/systemd/system/multi-user.target.wants/" + unit
                                            + ".service to /usr/lib/systemd/system/" + unit + ".service.\n");
                                }
                                state[1] = true;
                                state[0] = state[0] || now;
                            }
                            default -> {
                                if (state[1] && verb.equals("disable")) {
                                    c.out("Removed symlink /etc/systemd/system/multi-user.target.wants/" + unit + ".service.\n");
                                }
                                state[1] = false;
                                state[0] = state[0] && !now;
                            }
                        }
                    }
                    c.host().saveSystem();
                }
                default -> {
                    return c.fail(1, "Unknown operation '" + verb + "'.");
                }
            }
        }
        return status;
    }

    // ---- SELinux ----

    static int setenforce(ToolCall c) throws IOException {
        SystemState s = c.host().system();
        if (c.args().size() != 1) {
            return c.fail(1, "usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]");
        }
        if (s.selinux.equals("disabled")) {
            return c.fail(1, "setenforce: SELinux is disabled");
        }
        String mode = switch (c.args().get(0).toLowerCase(Locale.ROOT)) {
            case "1", "enforcing" -> "enforcing";
            case "0", "permissive" -> "permissive";
            default -> null;
        };
        if (mode == null) {
            return c.fail(1, "usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]");
        }
        synchronized (s) {
            s.selinux = mode;
        }
        c.host().saveSystem();
        c.result("SELinux " + mode);
        return 0;
    }

    static int sestatus(ToolCall c) throws IOException {
        String mode = c.host().system().selinux;
        if (mode.equals("disabled")) {
            c.out("SELinux status:                 disabled\n");
            return 0;
        }
        c.out("""
                SELinux status:                 enabled
                SELinuxfs mount:                /sys/fs/selinux
                SELinux root directory:         /etc/selinux
                Loaded policy name:             targeted
                Current mode:                   %s
                Mode from config file:          %s
                Policy MLS status:              enabled
                Policy deny_unknown status:     allowed
                Max kernel policy version:      31
                """.formatted(mode, c.host().selinuxConfig()));
        return 0;
    }

    // ---- time ----

    static int chronyc(ToolCall c) throws IOException {
        if (!c.host().system().active("chronyd")) {
            return c.fail(1, "506 Cannot talk to daemon");
        }
        double offset = c.host().clockOffset().toNanos() / 1e9;
        String verb = c.args().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("tracking");
        switch (verb) {
            case "tracking" -> c.out("""
                    Reference ID    : A9FEA97B (ntp.lab.internal)
                    Stratum         : 3
                    Ref time (UTC)  : %s
                    System time     : %.9f seconds %s of NTP time
                    Last offset     : %+.9f seconds
                    RMS offset      : %.9f seconds
                    Frequency       : 1.237 ppm slow
                    Residual freq   : +0.001 ppm
                    Skew            : 0.023 ppm
                    Root delay      : 0.000412345 seconds
                    Root dispersion : 0.000523456 seconds
                    Update interval : 64.2 seconds
                    Leap status     : Normal
                    """.formatted(DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT)
                            .format(Instant.now().minusSeconds(35).atOffset(ZoneOffset.UTC)),
                    Math.abs(offset) < 1e-5 ? 0.000012345 : Math.abs(offset), offset < 0 ? "slow" : "fast",
                    offset == 0 ? 0.000001234 : offset, Math.abs(offset) < 1e-5 ? 0.000012345 : Math.abs(offset)));
            case "sources" -> c.out("""
                    210 Number of sources = 1
                    MS Name/IP address         Stratum Poll Reach LastRx Last sample
                    ===============================================================================
                    ^* ntp.lab.internal              2   6   377    35 %s[%s] +/-  412us
                    """.formatted(sample(-offset), sample(-offset)));
            case "makestep" -> {
                c.host().clockOffset(Duration.ZERO);
                c.out("200 OK\n");
            }
            case "waitsync" -> {
                if (Math.abs(offset) > 0.1) {
                    return c.fail(1, "try: 1, refid: A9FEA97B, correction: " + offset + ", skew: 0.023");
                }
                c.out("try: 1, refid: A9FEA97B, correction: 0.000001234, skew: 0.023\n");
            }
            default -> {
                return c.fail(1, "Unrecognized command");
            }
        }
        return 0;
    }

    private static String sample(double seconds) {
        double abs = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "+";
        if (abs < 1e-3) {
            return String.format("%6s", sign + Math.max(1, Math.round(abs * 1e6)) + "us");
        }
        if (abs < 1) {
            return String.format("%6s", sign + Math.round(abs * 1e3) + "ms");
        }
        return String.format("%6s", sign + Math.round(abs) + "s");
    }

    /** ntpstat: synchronised while the host's clock is within 128 ms (the NTP step threshold), else unsynchronised. */
    static int ntpstat(ToolCall c) throws IOException {
        if (!c.host().system().active("chronyd") && !c.host().system().active("ntpd")) {
            return c.fail(2, "Unable to talk to NTP daemon. Is it running?");
        }
        long offsetMs = Math.abs(c.host().clockOffset().toMillis());
        if (offsetMs > 128) {
            c.out("unsynchronised\n  time server re-starting\n   polling server every 8 s\n");
            return 1;
        }
        c.out("synchronised to NTP server (169.254.169.123) at stratum 3\n   time correct to within "
                + Math.max(1, offsetMs) + " ms\n   polling server every 64 s\n");
        return 0;
    }

    /**
     * GNU date on the host's clock: the real {@code date} is run with {@code -d @<now + offset>} unless the caller gave
     * a date of its own; {@code date -s} moves the host's clock (its offset), never the machine's.
     */
    static int date(ToolCall c) throws IOException {
        List<String> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String set = a.equals("-s") || a.equals("--set") ? (i + 1 < args.size() ? args.get(i + 1) : null)
                    : a.startsWith("--set=") ? a.substring(6) : a.startsWith("-s") && a.length() > 2 ? a.substring(2) : null;
            if (set != null || a.equals("-s") || a.equals("--set")) {
                ToolCall.Captured parsed = c.capture(List.of(REAL_DATE, "-d", set == null ? "" : set, "+%s.%N"));
                if (parsed.status() != 0) {
                    return c.fail(1, parsed.output().strip());
                }
                String[] parts = parsed.output().strip().split("\\.");
                Instant target = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                c.host().clockOffset(Duration.between(Instant.now(), target));
                List<String> show = new ArrayList<>(List.of(REAL_DATE, "-d", "@" + parts[0] + "." + parts[1]));
                return c.run(show, Map.of());
            }
            if (a.equals("-d") || a.startsWith("--date") || (a.startsWith("-d") && a.length() > 2) || a.equals("-r")
                    || a.startsWith("--reference") || a.equals("-f") || a.startsWith("--file")) {
                return c.run(prepend(REAL_DATE, args), Map.of());
            }
        }
        if (c.host().clockOffset().isZero()) {
            return c.run(prepend(REAL_DATE, args), Map.of());
        }
        Instant now = c.host().now();
        List<String> argv = new ArrayList<>(List.of(REAL_DATE, "-d", "@" + now.getEpochSecond() + "." + String.format("%09d", now.getNano())));
        argv.addAll(args);
        return c.run(argv, Map.of());
    }

    /** The real df, with the disk-full fault applied to the filesystem that holds the fault's path. */
    static int df(ToolCall c) throws IOException {
        ToolCall.Captured real = c.capture(prepend(REAL_DF, c.args()));
        HostRuntime.DiskFault fault = c.host().diskFault();
        String output = fault == null ? real.output() : DfRewrite.apply(real.output(), fault, mountOf(c, fault.path()));
        if (real.status() == 0) {
            c.out(output);
        } else {
            c.err(output);
        }
        return real.status();
    }

    private static String mountOf(ToolCall c, String path) throws IOException {
        ToolCall.Captured target = c.capture(List.of(REAL_DF, "--output=target", path));
        String[] lines = target.output().strip().split("\n");
        return target.status() == 0 && lines.length > 1 ? lines[lines.length - 1].strip() : "/";
    }

    // ---- firewall ----

    static int firewallCmd(ToolCall c) throws IOException {
        SystemState s = c.host().system();
        if (c.args().contains("--state")) {
            boolean running = s.active("firewalld");
            c.out(running ? "running\n" : "not running\n");
            return running ? 0 : 252;
        }
        if (!s.active("firewalld")) {
            return c.fail(252, "FirewallD is not running");
        }
        for (String a : c.args()) {
            if (a.startsWith("--add-port=")) {
                synchronized (s) {
                    if (!s.firewallPorts.contains(a.substring(11))) {
                        s.firewallPorts.add(a.substring(11));
                    }
                }
            } else if (a.startsWith("--remove-port=")) {
                synchronized (s) {
                    s.firewallPorts.remove(a.substring(14));
                }
            } else if (a.equals("--list-ports")) {
                c.out(String.join(" ", s.firewallPorts) + "\n");
                return 0;
            }
        }
        c.host().saveSystem();
        c.out("success\n");
        return 0;
    }

    static int iptables(ToolCall c) throws IOException {
        List<String> a = c.args();
        SystemState s = c.host().system();
        if (a.isEmpty()) {
            return c.fail(2, "iptables v1.4.21: no command specified\nTry `iptables -h' or 'iptables --help' for more information.");
        }
        String op = a.get(0);
        String rule = String.join(" ", a.subList(1, a.size()));
        synchronized (s) {
            switch (op) {
                case "-A", "--append", "-I", "--insert" -> s.iptablesRules.add("-A " + rule);
                case "-D", "--delete" -> {
                    if (!s.iptablesRules.remove("-A " + rule)) {
                        return c.fail(1, "iptables: Bad rule (does a matching rule exist in that chain?).");
                    }
                }
                case "-F", "--flush" -> s.iptablesRules.clear();
                case "-S", "--list-rules" -> {
                    StringBuilder out = new StringBuilder("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
                    s.iptablesRules.forEach(r -> out.append(r).append('\n'));
                    c.out(out.toString());
                    return 0;
                }
                case "-L", "--list" -> {
                    StringBuilder out = new StringBuilder("Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\n");
                    s.iptablesRules.forEach(r -> out.append("# ").append(r).append('\n'));
                    c.out(out.toString());
                    return 0;
                }
                default -> {
                    return c.fail(2, "iptables v1.4.21: unknown option \"" + op + "\"");
                }
            }
        }
        c.host().saveSystem();
        return 0;
    }

    static List<String> prepend(String first, List<String> rest) {
        List<String> argv = new ArrayList<>(rest.size() + 1);
        argv.add(first);
        argv.addAll(rest);
        return argv;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
