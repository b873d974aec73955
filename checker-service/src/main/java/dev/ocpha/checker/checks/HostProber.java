package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.OutputListener;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Inspects one host over its one pooled SSH connection: every applicable check's probe joined into one script
 * (one round trip, each output behind a marker line), and meanwhile on a second session its clock.
 * A host that cannot be reached, logged into or trusted is one plain {@value #CONNECTION_CHECK} FAIL.
 */
public final class HostProber {

    public static final String CONNECTION_CHECK = "ssh-connection";
    static final String MARKER = "@@ocpha-check ";
    /** {@code ocpha_cat FILE…}: the readable ones of the files, silently skipping those a host does not have. */
    static final String CAT_FUNCTION = "ocpha_cat() { cat -- \"$@\" 2>/dev/null; true; }; ";
    static final int CLOCK_SAMPLES = 2;

    /** Daemon threads: a clock read waits on the network, never on the CPU. */
    private static final ExecutorService CLOCK_READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "clock-reader");
        thread.setDaemon(true);
        return thread;
    });

    private final RemoteExecutor remote;

    public HostProber(RemoteExecutor remote) {
        this.remote = remote;
    }

    public static SshTarget target(dev.ocpha.contracts.model.PlannedHost host) {
        return new SshTarget(host.access().address(), host.access().sshPort(), host.access().user(),
                host.access().credentialRef());
    }

    public HostInspection inspect(CheckContext context, List<HostCheck> catalog, boolean strict, Duration timeout) {
        long start = System.nanoTime();
        List<HostCheck> checks = catalog.stream().filter(check -> check.appliesTo(context)).toList();
        SshTarget target = target(context.host());
        // the clock is read on a second session of the same connection while the probes run: no extra wall time
        CompletableFuture<ClockSample> clock = CompletableFuture.supplyAsync(() -> sampleClock(target, timeout), CLOCK_READERS);
        ExecResult result;
        try {
            result = remote.exec(target, script(context, checks), timeout);
        } catch (RemoteException e) {
            CheckResult failure = Verdicts.fail(context.name(), CONNECTION_CHECK, e.kind().name(),
                    "an SSH session as " + target.user() + " with a verified host key", e.getMessage());
            return new HostInspection(context.name(), List.of(failure), null, Map.of(), e.kind().name(), millisSince(start));
        }
        long probeMs = millisSince(start);
        Map<String, String> outputs = split(result.stdout());
        List<CheckResult> results = new ArrayList<>();
        results.add(Verdicts.pass(context.name(), CONNECTION_CHECK, "probed in " + probeMs + " ms",
                "an SSH session as " + target.user() + " with a verified host key", "connected"));
        for (HostCheck check : checks) {
            String output = outputs.get(check.name());
            List<CheckResult> judged = output == null
                    ? List.of(Verdicts.fail(context.name(), check.name(), "no output", "probe output",
                    "the probe did not run (script exit status " + result.exitStatus() + ")"))
                    : evaluate(check, context, output);
            Severity severity = check.severity(context.profile());
            judged.forEach(r -> results.add(Verdicts.grade(r, severity, strict)));
        }
        return new HostInspection(context.name(), results, clock.join(), outputs, null, millisSince(start));
    }

    /** A check whose parser chokes on unexpected output fails with what it saw instead of failing the whole host. */
    private static List<CheckResult> evaluate(HostCheck check, CheckContext context, String output) {
        try {
            return check.evaluate(context, output);
        } catch (RuntimeException e) {
            return List.of(Verdicts.fail(context.name(), check.name(), output.strip(), "readable probe output",
                    "unexpected probe output: " + e));
        }
    }

    /** The one script that runs every given probe, each output behind a marker line. */
    public static String script(CheckContext context, List<HostCheck> checks) {
        StringBuilder script = new StringBuilder("export LC_ALL=C; ").append(CAT_FUNCTION);
        for (HostCheck check : checks) {
            // a newline, not "; ", closes the group: a probe may end in ";" itself, and "; ;" is a syntax error
            script.append("echo '").append(MARKER).append(check.name()).append("'; { :\n")
                    .append(check.probe(context)).append("\n} 2>&1\n");
        }
        return script.append("true").toString();
    }

    static Map<String, String> split(String stdout) {
        Map<String, String> outputs = new HashMap<>();
        String current = null;
        StringBuilder buffer = new StringBuilder();
        for (String line : stdout.split("\n")) {
            if (line.startsWith(MARKER)) {
                if (current != null) {
                    outputs.put(current, buffer.toString());
                }
                current = line.substring(MARKER.length()).trim();
                buffer.setLength(0);
            } else if (current != null) {
                buffer.append(line).append('\n');
            }
        }
        if (current != null) {
            outputs.put(current, buffer.toString());
        }
        return outputs;
    }

    /**
     * Reads the host's clock several times inside one command and times when each reading arrives here: the
     * reading was taken before it arrived, so the largest (remote − arrival) is the offset with the least delay in
     * it. This leaves out the session set-up and process start that a whole round trip would add on one side
     * only. The remaining error is the output's one-way delay, under half the command's round trip (kept as the
     * error bound).
     */
    private ClockSample sampleClock(SshTarget target, Duration timeout) {
        try {
            long wallBase = System.currentTimeMillis() * 1_000_000L;
            long nanoBase = System.nanoTime();
            List<long[]> readings = new ArrayList<>(); // {remote epoch ns, local arrival epoch ns}
            StringBuilder partial = new StringBuilder();
            remote.exec(target, "date +%s%N; ".repeat(CLOCK_SAMPLES), null, timeout, (stream, text) -> {
                long arrival = wallBase + (System.nanoTime() - nanoBase);
                if (stream != OutputListener.Stream.STDOUT) {
                    return;
                }
                synchronized (readings) {
                    partial.append(text);
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, newline).trim();
                        partial.delete(0, newline + 1);
                        readings.add(new long[] {parseEpochNanos(line), arrival});
                    }
                }
            });
            double rttMs = (System.nanoTime() - nanoBase) / 1e6;
            synchronized (readings) {
                if (readings.isEmpty()) {
                    return null;
                }
                long best = readings.stream().mapToLong(r -> r[0] - r[1]).max().orElseThrow();
                // no reading was taken before the command was sent: offset <= remote - send time
                long upper = readings.stream().mapToLong(r -> r[0] - wallBase).min().orElseThrow();
                return new ClockSample(best / 1e6, Math.max(0, upper - best) / 1e6, rttMs);
            }
        } catch (RemoteException | NumberFormatException e) {
            return null;
        }
    }

    static long parseEpochNanos(String output) {
        String value = output.trim();
        if (!value.matches("\\d{10,}")) {
            throw new NumberFormatException("not an epoch in nanoseconds: '" + value.toLowerCase(Locale.ROOT) + "'");
        }
        return Long.parseLong(value);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
