package dev.ocpha.lab.cli;

import com.sun.net.httpserver.HttpServer;
import dev.ocpha.lab.LabFaults;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabMedia;
import dev.ocpha.lab.LabServiceSettings;
import dev.ocpha.lab.LabTopologies;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab up|fault|down|status} (docs/lab.md). {@code up} runs the fleet in the foreground and listens for the
 * other commands on a loopback port written, with a random token, into the fleet directory.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, description = "The lab fleet: real SSH hosts with OCP/OceanBase stand-ins.",
        subcommands = {LabCli.Up.class, LabCli.Fault.class, LabCli.Down.class, LabCli.Status.class})
public final class LabCli {
    static final String CONTROL_FILE = "control.properties";

    public static void main(String[] args) {
        System.exit(new CommandLine(new LabCli()).execute(args));
    }

    @Command(name = "up", description = "Start a fleet and keep it running until Ctrl-C or `lab down`.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--hosts", defaultValue = "3", description = "number of hosts (1-2540)") int hosts;
        @Option(names = "--azs", defaultValue = "0", description = "availability zones (0: none)") int azs;
        @Option(names = "--idcs", defaultValue = "1", description = "IDCs (a multiple of the AZ count)") int idcs;
        @Option(names = "--regions", defaultValue = "1", description = "regions") int regions;
        @Option(names = "--dir", defaultValue = ".run/lab", description = "fleet directory (keys, host roots, state)") Path dir;
        @Option(names = "--ssh-port", defaultValue = "22", description = "SSH port of every host (each on its own address)") int sshPort;
        @Option(names = "--ocp-start-delay-ms", defaultValue = "1500", description = "OCP container start delay") long ocpDelay;
        @Option(names = "--media-size-mb", defaultValue = "4", description = "filler size of each generated medium") long mediaMb;

        @Override
        public Integer call() throws Exception {
            Path fleetDir = dir.toAbsolutePath().normalize();
            LabFleet fleet = LabFleet.builder(fleetDir).hosts(hosts).azs(azs).idcs(idcs).regions(regions).sshPort(sshPort)
                    .ocpStartDelay(Duration.ofMillis(ocpDelay)).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.close();
                stopped.countDown();
            }, "lab-down"));
            Path media = fleetDir.resolve("media");
            LabMedia.generate(media, LabMedia.DEFAULT, mediaMb * 1024 * 1024);
            Path properties = LabServiceSettings.write(fleet, media);
            List<Path> topologies = LabTopologies.write(fleet, fleetDir.resolve("topologies"));
            HttpServer control = control(fleet, fleetDir);
            System.out.printf("lab: %d hosts up on 127.0.%s.x (SSH port %s), fleet directory %s%n", hosts,
                    fleet.addressBlocks(), sshPort == 0 ? "free" : sshPort, fleetDir);
            for (LabHost h : fleet.hosts()) {
                System.out.printf("  %-8s %-14s ssh %-5d region %-4s idc %-6s%s%n", h.name(), h.address(), h.sshPort(),
                        h.region(), h.idc(), h.az() == null ? "" : " az " + h.az());
            }
            System.out.printf("  inventory %s%n  known_hosts %s%n  client key %s%n  media %s%n  service settings %s%n",
                    fleet.inventory(), fleet.knownHosts(), fleet.clientPrivateKey(), media, properties);
            topologies.forEach(t -> System.out.println("  topology " + t));
            System.out.println("lab: running; `./lab.sh fault <host> <fault>` and `./lab.sh down` talk to it, Ctrl-C stops it");
            stopped.await();
            control.stop(0);
            return 0;
        }
    }

    @Command(name = "fault", description = "Inject (or clear) a fault on a host of the running fleet. Faults: down, up, "
            + "link-down, link-up, sshd-stop, sshd-start, slow <ms>, reject-key, accept-key, rotate-host-key, "
            + "restore-host-key, occupy-port <p>, release-port <p>, "
            + "disk-full <path> <bytes>, low-memory <totalMb> <availableMb>, clock-offset <ms>, fail <tool> <n>, "
            + "hang <tool>, ocp-wrong-version <v>, ocp-down, podman, clear.")
    static final class Fault implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = ".run/lab") Path dir;
        @Parameters(index = "0", description = "host name (host-N) or address") String host;
        @Parameters(index = "1", description = "fault") String fault;
        @Parameters(index = "2..*", arity = "0..*", description = "its arguments") List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("host", host);
            query.put("fault", fault);
            query.put("args", String.join("\n", args));
            return send(dir, "/fault", query);
        }
    }

    @Command(name = "down", description = "Stop the running fleet.")
    static final class Down implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = ".run/lab") Path dir;

        @Override
        public Integer call() throws Exception {
            return send(dir, "/down", Map.of());
        }
    }

    @Command(name = "status", description = "Show the running fleet's hosts.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = ".run/lab") Path dir;

        @Override
        public Integer call() throws Exception {
            return send(dir, "/status", Map.of());
        }
    }

    /** The running fleet's control endpoint: loopback only, and every request must carry the token from the fleet dir. */
    static HttpServer control(LabFleet fleet, Path dir) throws IOException {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            int status = 200;
            String body;
            Map<String, String> q = parse(exchange.getRequestURI().getRawQuery());
            if (!token.equals(q.get("token"))) {
                status = 403;
                body = "wrong or missing token";
            } else {
                try {
                    body = switch (exchange.getRequestURI().getPath()) {
                        case "/fault" -> LabFaults.apply(fleet.host(q.getOrDefault("host", "")), q.getOrDefault("fault", ""),
                                q.getOrDefault("args", "").isEmpty() ? List.of() : List.of(q.get("args").split("\n")));
                        case "/status" -> status(fleet);
                        case "/down" -> {
                            new Thread(() -> System.exit(0), "lab-down-request").start();
                            yield "lab: stopping";
                        }
                        default -> throw new IllegalArgumentException("no such command " + exchange.getRequestURI().getPath());
                    };
                } catch (RuntimeException e) {
                    status = 400;
                    body = e.getMessage();
                }
            }
            byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Path file = dir.resolve(CONTROL_FILE);
        Files.writeString(file, "port=" + server.getAddress().getPort() + "\ntoken=" + token + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return server;
    }

    private static String status(LabFleet fleet) {
        StringBuilder s = new StringBuilder();
        for (LabHost h : fleet.hosts()) {
            s.append(String.format("%-8s %-14s ssh %-5d %-4s%n", h.name(), h.address(), h.sshPort(), h.isUp() ? "up" : "down"));
        }
        return s.toString().stripTrailing();
    }

    static int send(Path dir, String path, Map<String, String> query) throws Exception {
        Path file = dir.toAbsolutePath().normalize().resolve(CONTROL_FILE);
        if (!Files.exists(file)) {
            System.err.println("lab: no running fleet in " + file.getParent() + " (start one with ./lab up, or pass --dir)");
            return 2;
        }
        Properties control = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            control.load(in);
        }
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + control.getProperty("port") + path + "?token="
                + control.getProperty("token"));
        query.forEach((k, v) -> url.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            (response.statusCode() == 200 ? System.out : System.err).print(response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            if (path.equals("/down")) {
                return 0; // the fleet exited before answering
            }
            System.err.println("lab: the fleet in " + file.getParent() + " does not answer (" + e.getMessage() + "); is it still up?");
            return 2;
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }
}
