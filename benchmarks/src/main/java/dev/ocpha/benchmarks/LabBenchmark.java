package dev.ocpha.benchmarks;

import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * The lab must not be the bottleneck it measures: starts N hosts (default 50), then from one client per host, all in
 * parallel, runs C commands (default 10) over SSH with sshj verifying host keys against the fleet's known_hosts. Prints
 * start time, per-command latency percentiles, total time and ratios. Arguments: [hosts] [commands per host].
 */
public final class LabBenchmark {
    private static final String[] COMMANDS = {"true", "hostname", "cat /etc/redhat-release", "sysctl -n vm.swappiness",
            "id root", "df -P /data | tail -1", "date +%s", "systemctl is-active sshd", "docker ps -q", "uname -r"};

    private LabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("lab-benchmark");
        try {
            long t0 = System.nanoTime();
            try (LabFleet fleet = LabFleet.builder(dir).hosts(hosts).start()) {
                long started = System.nanoTime() - t0;
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                List<Long> connects = Collections.synchronizedList(new ArrayList<>());
                ExecutorService clients = Executors.newFixedThreadPool(hosts);
                long t1 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (LabHost host : fleet.hosts()) {
                    done.add(clients.submit(() -> run(fleet, host, perHost, latencies, connects)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                long total = System.nanoTime() - t1;
                clients.shutdown();
                report(hosts, perHost, started, total, latencies, connects);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Void run(LabFleet fleet, LabHost host, int perHost, List<Long> latencies, List<Long> connects) throws IOException {
        long c0 = System.nanoTime();
        try (SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(new OpenSSHKnownHosts(fleet.knownHosts().toFile()));
            client.connect(host.address(), host.sshPort());
            client.authPublickey("root", client.loadKeys(fleet.clientPrivateKey().toString()));
            connects.add(System.nanoTime() - c0);
            for (int i = 0; i < perHost; i++) {
                long s = System.nanoTime();
                try (Session session = client.startSession()) {
                    Session.Command cmd = session.exec(COMMANDS[i % COMMANDS.length]);
                    cmd.getOutputStream().close();
                    IOUtils.readFully(cmd.getInputStream()).toString(StandardCharsets.UTF_8);
                    cmd.join(60, TimeUnit.SECONDS);
                    if (cmd.getExitStatus() == null || cmd.getExitStatus() != 0) {
                        throw new IOException(COMMANDS[i % COMMANDS.length] + " on " + host + " exited with " + cmd.getExitStatus());
                    }
                }
                latencies.add(System.nanoTime() - s);
            }
        }
        return null;
    }

    private static void report(int hosts, int perHost, long started, long total, List<Long> latencies, List<Long> connects) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long sum = sorted.stream().mapToLong(Long::longValue).sum();
        System.out.printf("lab benchmark: %d hosts, %d commands each (%d in all), sshj verifying host keys, %d cores%n",
                hosts, perHost, sorted.size(), Runtime.getRuntime().availableProcessors());
        System.out.printf("  fleet start        %8.0f ms  (%.1f ms per host)%n", ms(started), ms(started) / hosts);
        System.out.printf("  connect+auth p50   %8.1f ms%n", ms(percentile(connects.stream().sorted().toList(), 50)));
        System.out.printf("  command p50        %8.1f ms%n", ms(percentile(sorted, 50)));
        System.out.printf("  command p90        %8.1f ms%n", ms(percentile(sorted, 90)));
        System.out.printf("  command p99        %8.1f ms%n", ms(percentile(sorted, 99)));
        System.out.printf("  all commands       %8.0f ms  (%.0f commands/s)%n", ms(total), sorted.size() / (total / 1e9));
        System.out.printf("  ratio p99/p50      %8.2f%n", (double) percentile(sorted, 99) / percentile(sorted, 50));
        System.out.printf("  ratio summed latency / wall time (parallelism achieved) %6.1f%n", sum / (double) total);
        System.out.printf("  ratio wall time / (commands per host x p50) %6.1f%n", total / (double) (perHost * percentile(sorted, 50)));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
