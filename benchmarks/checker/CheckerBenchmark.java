import dev.ocpha.checker.checks.AdminUserCheck;
import dev.ocpha.checker.checks.AvailableMemoryCheck;
import dev.ocpha.checker.checks.CheckContext;
import dev.ocpha.checker.checks.ClockSourceCheck;
import dev.ocpha.checker.checks.CpuCoresCheck;
import dev.ocpha.checker.checks.DirectoriesCheck;
import dev.ocpha.checker.checks.DiskFreeCheck;
import dev.ocpha.checker.checks.DockerCheck;
import dev.ocpha.checker.checks.FirewallCheck;
import dev.ocpha.checker.checks.HostCheck;
import dev.ocpha.checker.checks.HostProber;
import dev.ocpha.checker.checks.KernelParametersCheck;
import dev.ocpha.checker.checks.MetaDbReachabilityCheck;
import dev.ocpha.checker.checks.NtpCheck;
import dev.ocpha.checker.checks.OperatingSystemCheck;
import dev.ocpha.checker.checks.PortsFreeCheck;
import dev.ocpha.checker.checks.RequiredCommandsCheck;
import dev.ocpha.checker.checks.SelinuxCheck;
import dev.ocpha.checker.checks.SwapCheck;
import dev.ocpha.checker.checks.TransparentHugepagesCheck;
import dev.ocpha.checker.checks.UlimitsCheck;
import dev.ocpha.checker.config.CheckerConfig;
import dev.ocpha.checker.domain.CheckEngine;
import dev.ocpha.checker.domain.CheckInventory;
import dev.ocpha.checker.domain.HostReport;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabHost;
import dev.ocpha.ssh.cdi.SshConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checker's environment check against Ansible (-f 50) and parallel-ssh (-p 50) running the same probe script on
 * the same lab hosts. Not a test: it prints wall times (median of the runs) and the ratios; see docs/benchmarks.md.
 * Arguments: hosts (default 50), runs per tool (default 3).
 */
public final class CheckerBenchmark {

    private static final List<HostCheck> CATALOG = List.of(new OperatingSystemCheck(), new CpuCoresCheck(),
            new AvailableMemoryCheck(), new DiskFreeCheck(), new PortsFreeCheck(), new DockerCheck(),
            new KernelParametersCheck(), new UlimitsCheck(), new TransparentHugepagesCheck(), new SwapCheck(),
            new SelinuxCheck(), new FirewallCheck(), new RequiredCommandsCheck(), new AdminUserCheck(),
            new DirectoriesCheck(), new ClockSourceCheck(), new NtpCheck(), new MetaDbReachabilityCheck());

    public static void main(String[] args) throws Exception {
        int hostCount = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("checker-bench");
        try {
            run(dir, hostCount, runs);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int hostCount, int runs) throws Exception {
        try (LabFleet fleet = LabFleet.start(dir.resolve("fleet"), hostCount)) {
            List<PlannedHost> hosts = fleet.hosts().stream().map(h -> new PlannedHost(h.name(),
                    new HostAccess(h.address(), h.sshPort(), "root", "lab"), "bench", null, null, null,
                    HostRoles.ALL, null)).toList();
            CheckInventory inventory = new CheckInventory(hosts, List.of(), "production", false);
            // the same probes for every tool: the script the checker sends (the host's address only matters to
            // the port check's judgement, not to its probe)
            CheckContext context = CheckEngine.context(hosts.get(0), inventory, inventory.sizingProfile());
            String script = HostProber.script(context, CATALOG.stream().filter(c -> c.appliesTo(context)).toList());
            Path key = fleet.clientPrivateKey();
            Path knownHosts = fleet.knownHosts();
            Path ansibleInventory = Files.writeString(dir.resolve("inventory.ini"), fleet.hosts().stream()
                    .map(h -> h.name() + " ansible_host=" + h.address() + " ansible_port=" + h.sshPort())
                    .collect(Collectors.joining("\n", "[lab]\n", "\n")));
            Path psshHosts = Files.writeString(dir.resolve("pssh-hosts"), fleet.hosts().stream()
                    .map(h -> "root@" + h.address() + ":" + h.sshPort()).collect(Collectors.joining("\n", "", "\n")));
            // Ansible templates its arguments: the probes' {{…}} are docker's, hence {% raw %} around the script
            String sshOptions = "-o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes -o BatchMode=yes"
                    + " -o IdentitiesOnly=yes";

            // the service's default concurrency (8), and the fan-out the other tools get (50)
            CheckEngine engine = new CheckEngine(CATALOG, config(8), ssh(key, knownHosts));
            CheckEngine wide = new CheckEngine(CATALOG, config(50), ssh(key, knownHosts));
            List<Double> checker = new ArrayList<>();
            List<Double> checkerWide = new ArrayList<>();
            List<Double> ansible = new ArrayList<>();
            List<Double> pssh = new ArrayList<>();
            try {
                check(engine, inventory); // a service is warm: its first run's class loading and JIT are not timed
                for (int run = 0; run < runs; run++) {
                    checker.add(time(() -> check(engine, inventory)));
                    System.out.printf(Locale.ROOT, "run %d: checker (8 at once) %.2f s%n", run + 1, checker.get(run));
                    checkerWide.add(time(() -> check(wide, inventory)));
                    System.out.printf(Locale.ROOT, "run %d: checker (50 at once) %.2f s%n", run + 1, checkerWide.get(run));
                    ansible.add(time(() -> command(dir, List.of("ansible", "all", "-i", ansibleInventory.toString(), "-f", "50",
                            "-u", "root", "--private-key", key.toString(), "--ssh-common-args=" + sshOptions,
                            "-m", "shell", "-a", "{% raw %}" + script + "{% endraw %}"), Map.of("ANSIBLE_HOST_KEY_CHECKING", "True",
                            "ANSIBLE_PIPELINING", "True", "ANSIBLE_TIMEOUT", "60", "ANSIBLE_SSH_RETRIES", "3",
                            "ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3", "ANSIBLE_LOAD_CALLBACK_PLUGINS", "False",
                            "ANSIBLE_STDOUT_CALLBACK", "minimal"), hostCount)));
                    System.out.printf(Locale.ROOT, "run %d: ansible %.2f s%n", run + 1, ansible.get(run));
                    pssh.add(time(() -> command(dir, List.of("parallel-ssh", "-h", psshHosts.toString(), "-p", "50",
                            "-t", "0", "-x", sshOptions + " -i " + key, script), Map.of(), hostCount)));
                    System.out.printf(Locale.ROOT, "run %d: checker %.2f s (50 at once: %.2f s), ansible %.2f s, "
                            + "parallel-ssh %.2f s%n", run + 1, checker.get(run), checkerWide.get(run), ansible.get(run),
                            pssh.get(run));
                }
            } finally {
                engine.shutdown();
                wide.shutdown();
            }
            double c = median(checker);
            double w = median(checkerWide);
            double a = median(ansible);
            double p = median(pssh);
            System.out.printf(Locale.ROOT, "%n%d hosts, %d probes per host, median of %d runs%n", hostCount,
                    CATALOG.stream().filter(ch -> ch.appliesTo(context)).count(), runs);
            System.out.printf(Locale.ROOT, "checker, 8 hosts at once (default)  %6.2f s%n", c);
            System.out.printf(Locale.ROOT, "checker, 50 hosts at once           %6.2f s%n", w);
            System.out.printf(Locale.ROOT, "ansible -f 50 (shell, pipelining)   %6.2f s   checker/ansible = %.2f (50 at once: %.2f; target <= 0.20)%n",
                    a, c / a, w / a);
            System.out.printf(Locale.ROOT, "parallel-ssh -p 50                  %6.2f s   checker/pssh    = %.2f (50 at once: %.2f; target <= 1.30)%n",
                    p, c / p, w / p);
        }
    }

    private static void check(CheckEngine engine, CheckInventory inventory) {
        try (CheckEngine.Session session = engine.open()) {
            List<HostReport> reports = session.run(inventory);
            long unreachable = reports.stream().filter(r -> r.connectionProblem() != null).count();
            if (unreachable > 0) {
                throw new IllegalStateException(unreachable + " hosts unreachable for the checker");
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs a tool to completion; every host must have answered (its output names each host once). */
    private static void command(Path dir, List<String> command, Map<String, String> env, int hosts)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tool.log").toFile());
        builder.environment().putAll(env);
        int status = builder.start().waitFor();
        String log = Files.readString(dir.resolve("tool.log"));
                long failed = log.lines().filter(l -> l.contains("UNREACHABLE") || l.contains("[FAILURE]")).count();
        if (status != 0 || failed > 0) {
            throw new IllegalStateException(command.get(0) + " exited " + status + " with " + failed + " of " + hosts
                    + " hosts failing; its output:\n" + log.lines().filter(l -> l.contains(" | ") || l.contains("[FAILURE]") || l.contains("UNREACHABLE")
                    || l.contains("msg")).limit(60).collect(Collectors.joining("\n")));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The service's own configuration mapping and defaults, with the concurrency under test. */
    private static CheckerConfig config(int concurrency) {
        // a loaded 2-core machine: the checker gets a long host timeout, as the tools get none
        Map<String, String> values = Map.of("ocpha.checker.concurrency", String.valueOf(concurrency),
                "ocpha.checker.host-timeout", "10m");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(CheckerConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "60s", as Quarkus reads it
                .withSources(new PropertiesConfigSource(values, "checker-benchmark", 500)).build();
        return config.getConfigMapping(CheckerConfig.class);
    }

    private static SshConfig ssh(Path key, Path knownHosts) {
        return new SshConfig() {
            public Optional<Path> knownHosts() {
                return Optional.of(knownHosts);
            }

            public Map<String, Path> credentials() {
                return Map.of("lab", key);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
