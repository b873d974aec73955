package dev.ocpha.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The faults by name, as the CLI ({@code ./lab fault <host> <fault> [args]}) names them; each maps to a {@link LabHost} method. */
public final class LabFaults {
    /** Fault name → its arguments, for usage messages and docs. */
    public static final Map<String, String> USAGE = new java.util.LinkedHashMap<>();

    static {
        USAGE.put("down", "");
        USAGE.put("up", "");
        USAGE.put("link-down", "");
        USAGE.put("link-up", "");
        USAGE.put("sshd-stop", "");
        USAGE.put("sshd-start", "");
        USAGE.put("slow", "<ms per command>");
        USAGE.put("reject-key", "");
        USAGE.put("accept-key", "");
        USAGE.put("rotate-host-key", "");
        USAGE.put("restore-host-key", "");
        USAGE.put("occupy-port", "<port>");
        USAGE.put("release-port", "<port>");
        USAGE.put("disk-full", "<path> <available bytes>");
        USAGE.put("low-memory", "<total MB> <available MB>");
        USAGE.put("clock-offset", "<ms, negative = behind>");
        USAGE.put("fail", "<tool> <times>");
        USAGE.put("hang", "<tool>");
        USAGE.put("ocp-wrong-version", "<buildVersion>");
        USAGE.put("ocp-down", "");
        USAGE.put("podman", "");
        USAGE.put("clear", "");
    }

    private LabFaults() {
    }

    /** Applies a fault; a wrong name or argument is an IllegalArgumentException that says what is expected. */
    public static String apply(LabHost host, String fault, List<String> args) {
        String usage = USAGE.get(fault);
        if (usage == null) {
            throw new IllegalArgumentException("unknown fault '" + fault + "'; faults: " + String.join(", ", USAGE.keySet()));
        }
        int expected = usage.isEmpty() ? 0 : usage.split("> <").length;
        if (args.size() != expected) {
            throw new IllegalArgumentException("fault " + fault + " takes " + (usage.isEmpty() ? "no arguments" : usage)
                    + ", got " + args);
        }
        switch (fault) {
            case "down" -> host.down();
            case "up" -> host.up();
            case "link-down" -> host.linkDown();
            case "link-up" -> host.linkUp();
            case "sshd-stop" -> host.stopSshd();
            case "sshd-start" -> host.startSshd();
            case "slow" -> host.slow(Duration.ofMillis(number(fault, args.get(0))));
            case "reject-key" -> host.rejectClientKey(true);
            case "accept-key" -> host.rejectClientKey(false);
            case "rotate-host-key" -> host.rotateHostKey();
            case "restore-host-key" -> host.restoreHostKey();
            case "occupy-port" -> host.occupyPort(port(fault, args.get(0)));
            case "release-port" -> host.releasePort(port(fault, args.get(0)));
            case "disk-full" -> host.diskNearlyFull(args.get(0), number(fault, args.get(1)));
            case "low-memory" -> host.lowMemory(number(fault, args.get(0)), number(fault, args.get(1)));
            case "clock-offset" -> host.clockOffset(Duration.ofMillis(number(fault, args.get(0))));
            case "fail" -> host.failTool(args.get(0), (int) number(fault, args.get(1)));
            case "hang" -> host.hangTool(args.get(0));
            case "ocp-wrong-version" -> host.ocpWrongVersion(args.get(0));
            case "ocp-down" -> host.ocpDown();
            case "podman" -> host.podmanDocker(true);
            default -> host.clearFaults();
        }
        return host.name() + ": " + fault + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    private static long number(String fault, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + fault + " needs a whole number, not '" + value + "'");
        }
    }

    private static int port(String fault, String value) {
        long port = number(fault, value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("fault " + fault + " needs a port 1-65535, not " + value);
        }
        return (int) port;
    }
}
