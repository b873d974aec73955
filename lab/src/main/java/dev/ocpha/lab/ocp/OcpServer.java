package dev.ocpha.lab.ocp;

import dev.ocpha.lab.net.HostNetworks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ocpha.lab.metadb.McTimings;
import dev.ocpha.lab.metadb.MetaDbClient;
import dev.ocpha.lab.metadb.SqlFailure;
import dev.ocpha.lab.standins.Container;
import dev.ocpha.lab.standins.ContainerProcess;
import dev.ocpha.lab.standins.HostRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The OCP server container. After the fleet's start delay it reads the container environment contract and, at its first
 * boot against a MetaDB, its system parameters from {@code OCP_CONFIG_PROPERTIES} (one {@code name:value} per line,
 * oceanbase/ocp-doc@V4.2.2 {@code zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md}); a
 * malformed line stops the container with the reason in its log. It connects to its MetaDB over real TCP, then serves
 * HTTP on the host's address and {@code server.port}: {@code /api/status}, {@code /api/v2/info}, {@code /api/v2/time},
 * all journaled; OCP documents no REST API for its system parameters, so there is none (404 like any unknown path). In
 * multi-cluster mode it heartbeats its row in the LEADER's MetaDB while it runs.
 */
public final class OcpServer implements ContainerProcess {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOOTSTRAP_PATH = "/home/admin/ocp-server/bin/ocp-bootstrap";
    private static final List<String> REQUIRED_ENV = List.of("OCP_METADB_HOST", "OCP_METADB_PORT", "OCP_METADB_USER",
            "OCP_METADB_PASSWORD", "OCP_METADB_DBNAME", "OCP_MONITORDB_USER", "OCP_MONITORDB_PASSWORD",
            "OCP_MONITORDB_DBNAME", "OCP_INITIAL_ADMIN_PASSWORD");

    private final HostRuntime host;
    private final Container container;
    private final ScheduledExecutorService timer;
    private final Map<String, String> effective = new LinkedHashMap<>();
    private volatile HttpServer http;
    private volatile String buildVersion;
    private volatile String metaDbProblem;
    private volatile JsonNode multiCluster;
    private ScheduledFuture<?> heartbeat;

    public OcpServer(HostRuntime host, Container container) {
        this.host = host;
        this.container = container;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-ocp-" + host.name() + "-" + container.name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<Integer> ports() {
        return List.of(container.hostPort(configuredPort()));
    }

    private int configuredPort() {
        String port = ConfigProperties.lenient(container.env.get(ConfigProperties.VARIABLE)).get("server.port");
        return port != null && port.matches("\\d{1,5}") ? Integer.parseInt(port) : 8080;
    }

    @Override
    public Map<String, String> tools() {
        return Map.of(BOOTSTRAP_PATH, "ocp-bootstrap", "ocp-bootstrap", "ocp-bootstrap");
    }

    @Override
    public void start() {
        // the documented session runs ./ocp-bootstrap from its directory inside the container (docker exec … bash -c
        // 'cd /home/admin/ocp-server/bin && ./ocp-bootstrap -i'); the lab's containers share the host's filesystem
        Path bin = host.root().resolve(BOOTSTRAP_PATH.substring(1)).getParent();
        try {
            Files.createDirectories(bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host.lab().control().writeClient(bin, "ocp-bootstrap", host.token());
        log("bootstrap.log", "OCP container " + container.name + " starting (image " + container.image + ")");
        timer.schedule(this::boot, host.lab().ocpStartDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void boot() {
        if (timer.isShutdown()) {
            return;
        }
        for (String name : REQUIRED_ENV) {
            if (!container.env.containsKey(name) || container.env.get(name).isEmpty()) {
                fail("the environment variable " + name + " is not set (the OCP container's documented environment)");
                return;
            }
        }
        if (!container.env.get("OCP_METADB_PORT").matches("\\d{1,5}")) {
            fail("OCP_METADB_PORT must be a port number, not '" + container.env.get("OCP_METADB_PORT") + "'");
            return;
        }
        String adminProblem = PasswordRule.problem(container.env.get("OCP_INITIAL_ADMIN_PASSWORD"));
        if (adminProblem != null) {
            fail("IAM10009: OCP_INITIAL_ADMIN_PASSWORD " + adminProblem);
            return;
        }
        Map<String, String> properties;
        try {
            properties = ConfigProperties.parse(container.env.get(ConfigProperties.VARIABLE));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        buildVersion = host.ocpVersionFault() != null ? host.ocpVersionFault() : container.version;
        effective.putAll(ConfigProperties.defaults(container.env));
        effective.putAll(properties);
        loadFromMetaDb(properties);
        int port = container.hostPort(Integer.parseInt(effective.getOrDefault("server.port", "8080")));
        try {
            HttpServer server = HostNetworks.inside(host.address(),
                    () -> HttpServer.create(new InetSocketAddress(host.address(), port), 50));
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "lab-ocp-http-" + host.name());
                t.setDaemon(true);
                return t;
            }));
            server.start();
            http = server;
        } catch (IOException e) {
            log("ocp.log", "APPLICATION FAILED TO START: Web server failed to start. Port " + port + " was already in use.");
            host.docker().exited(container, 1, "Web server failed to start. Port " + port + " was already in use.");
            timer.shutdownNow();
            return;
        }
        log("ocp.log", "Started OcpServerApplication on " + host.address() + ":" + port + " (buildVersion " + buildVersion + ")"
                + (metaDbProblem == null ? "" : "; MetaDB problem: " + metaDbProblem));
        heartbeat = timer.scheduleWithFixedDelay(this::heartbeat, 0, McTimings.HEARTBEAT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The per-AZ parameters an operator set in this instance's console ({@link ConsoleAzParameters}). */
    synchronized void azParameters(String az, Map<String, String> values) {
        effective.putAll(values);
        log("ocp.log", "per-AZ parameters of " + az + " set in the console: " + values.keySet());
    }

    /**
     * The first boot against this MetaDB stores the environment's properties there; every boot then takes the
     * MetaDB's values, so a later change of {@code OCP_CONFIG_PROPERTIES} has no effect, as with OCP.
     */
    private void loadFromMetaDb(Map<String, String> properties) {
        try (MetaDbClient db = metaDb()) {
            ObjectNode initial = JSON.createObjectNode().put("op", "configSetIfAbsent");
            ObjectNode values = initial.putObject("values");
            properties.forEach(values::put);
            db.op(initial);
            db.op(JSON.createObjectNode().put("op", "configGet")).path("config").fields()
                    .forEachRemaining(e -> effective.put(e.getKey(), e.getValue().asText()));
            JsonNode mc = db.op(JSON.createObjectNode().put("op", "mcGet")).get("mc");
            multiCluster = mc == null || mc.isNull() ? null : mc;
            metaDbProblem = null;
        } catch (SqlFailure f) {
            metaDbProblem = f.mysqlLine();
            log("ocp.log", "ERROR cannot connect to MetaDB " + metaDbAddress() + ": " + f.mysqlLine());
        }
    }

    private MetaDbClient metaDb() throws SqlFailure {
        String h = container.env.get("OCP_METADB_HOST");
        if (h.equals("127.0.0.1") || h.equalsIgnoreCase("localhost")) {
            throw new SqlFailure(2003, "HY000", "OCP_METADB_HOST must not be 127.0.0.1 or localhost: the container "
                    + "reaches its MetaDB by the host's address");
        }
        return MetaDbClient.connect(host.address(), h, Integer.parseInt(container.env.get("OCP_METADB_PORT")),
                container.env.get("OCP_METADB_USER"), container.env.get("OCP_METADB_PASSWORD"), container.env.get("OCP_METADB_DBNAME"));
    }

    private String metaDbAddress() {
        return container.env.get("OCP_METADB_HOST") + ":" + container.env.get("OCP_METADB_PORT");
    }

    private void fail(String why) {
        log("bootstrap.log", "ERROR " + why);
        host.docker().exited(container, 1, "[ERROR] " + why);
        timer.shutdownNow();
    }

    /**
     * Multi-cluster: the settings this OCP read at start (enableMc takes effect after a restart); a FOLLOWER that has
     * registered since heartbeats the leader, whose binding it re-reads each beat.
     */
    private void heartbeat() {
        JsonNode started = multiCluster;
        if (started == null || http == null) {
            return;
        }
        try (MetaDbClient own = metaDb()) {
            JsonNode mc = own.op(JSON.createObjectNode().put("op", "mcGet")).get("mc");
            if (mc == null || mc.isNull()) {
                return;
            }
            ObjectNode beat = JSON.createObjectNode().put("op", "mcHeartbeat").put("clusterId", started.path("clusterId").asInt())
                    .put("clusterName", started.path("clusterName").asText()).put("role", started.path("role").asText())
                    .put("version", buildVersion).put("accessAddress", effective.getOrDefault("ocp.site.url", ""));
            if ("LEADER".equals(started.path("role").asText())) {
                own.op(beat);
            } else if (mc.hasNonNull("leaderHost")) {
                try (MetaDbClient leader = MetaDbClient.connect(host.address(), mc.get("leaderHost").asText(),
                        mc.get("leaderPort").asInt(), mc.get("leaderUser").asText(), mc.get("leaderPassword").asText(),
                        mc.get("leaderDatabase").asText())) {
                    leader.op(beat);
                }
            }
        } catch (SqlFailure | RuntimeException e) {
            // the leader or the own MetaDB is unreachable: no heartbeat this time, as OCP would log and retry
        }
    }

    /** Whether multi-cluster mode is in effect in this running OCP, and as what (null: standalone). */
    public JsonNode multiCluster() {
        return http == null ? null : multiCluster;
    }

    public String buildVersion() {
        return buildVersion;
    }

    public String accessAddress() {
        return effective.getOrDefault("ocp.site.url", "");
    }

    /** The "OCP down" fault: the HTTP server stops, the container stays up (a JVM that died inside it). */
    public synchronized void down() {
        HttpServer s = http;
        http = null;
        if (s != null) {
            s.stop(0);
            log("ocp.log", "ERROR OCP-Server process exited (lab fault: OCP down)");
        }
    }

    @Override
    public synchronized void stop() {
        timer.shutdownNow();
        if (heartbeat != null) {
            heartbeat.cancel(true);
        }
        HttpServer s = http;
        http = null;
        if (s != null) {
            s.stop(0);
            ((java.util.concurrent.ExecutorService) s.getExecutor()).shutdownNow();
            awaitReleased(s.getAddress());
            log("ocp.log", "OCP-Server stopped");
        }
    }

    /**
     * The JDK's HTTP server closes its listening socket on its dispatcher thread, after {@code stop} returns; a
     * process that exited has released its port, so wait for that (briefly) before the container counts as stopped.
     */
    private static void awaitReleased(InetSocketAddress address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (ServerSocket probe = HostNetworks.listen(address.getHostString(), address.getPort(), 1)) {
                return;
            } catch (IOException stillBound) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public String processLine() {
        if (http == null) {
            return null;
        }
        long heapGb = Math.max(1, (container.memoryBytes > 0 ? container.memoryBytes : 16L << 30) / 2 / (1L << 30));
        return "1 /usr/lib/jvm/java-1.8.0/bin/java -server -Xms" + heapGb + "g -Xmx" + heapGb
                + "g -XX:+UseG1GC -Dserver.port=" + effective.getOrDefault("server.port", "8080")
                + " -jar /home/admin/ocp-server/lib/ocp-server.jar";
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        long began = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status;
        String summary;
        try {
            if (path.equals("/api/v2/time") && method.equals("GET")) {
                status = send(exchange, 200, "application/json",
                        envelope(JSON.getNodeFactory().textNode(host.now().atOffset(ZoneOffset.UTC).toString()), began));
                summary = "time";
            } else if (!authorized(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OCP\"");
                status = send(exchange, 401, "application/json", error(401, "UNAUTHORIZED",
                        "Full authentication is required to access this resource", began));
                summary = "unauthorized";
            } else if (path.equals("/api/status") && method.equals("GET")) {
                String health = health();
                status = send(exchange, 200, "text/plain", health);
                summary = health;
            } else if (path.equals(ConsoleBinding.PATH) && method.equals("POST")) {
                Object[] outcome;
                try (MetaDbClient own = metaDb()) {
                    outcome = ConsoleBinding.bind(this, host.address(), own, exchange.getRequestBody().readAllBytes());
                } catch (SqlFailure f) {
                    outcome = new Object[] {503, JSON.createObjectNode().put("error", "MetaDB: " + f.mysqlLine()).toString()};
                }
                status = send(exchange, (Integer) outcome[0], "application/json", (String) outcome[1]);
                summary = (Integer) outcome[0] == 200 ? "bound to the primary" : "not bound";
            } else if (path.equals(ConsoleAzParameters.PATH) && method.equals("POST")) {
                Object[] outcome = ConsoleAzParameters.save(this, exchange.getRequestBody().readAllBytes());
                status = send(exchange, (Integer) outcome[0], "application/json", (String) outcome[1]);
                summary = (Integer) outcome[0] == 200 ? "AZ parameters saved" : "AZ parameters refused";
            } else if (path.equals("/api/v2/info") && method.equals("GET")) {
                ObjectNode info = JSON.createObjectNode().put("name", "ocp-server").put("group", "com.oceanbase.ocp")
                        .put("artifact", "ocp-server").put("buildVersion", buildVersion).put("buildTime", "2023-11-01T10:00:00+08:00")
                        .put("buildJavaVersion", "1.8.0_392").put("springBootVersion", "2.7.18");
                status = send(exchange, 200, "application/json", envelope(info, began));
                summary = "buildVersion " + buildVersion;
            } else {
                status = send(exchange, 404, "application/json", error(404, "NOT_FOUND", "No handler for " + method + " " + path, began));
                summary = "not found";
            }
        } catch (RuntimeException e) {
            status = send(exchange, 500, "application/json", error(500, "INTERNAL_ERROR", e.getMessage(), began));
            summary = e.getMessage();
        }
        host.journal().record("ocp-http", List.of(method, path), status, summary);
    }

    /** {@code okay}, or {@code bad} when the MetaDB cannot be reached now, or {@code bad monitordb} for the MonitorDB. */
    private String health() {
        try (MetaDbClient ignored = metaDb()) {
            metaDbProblem = null;
        } catch (SqlFailure f) {
            if (!f.mysqlLine().equals(metaDbProblem)) {
                log("ocp.log", "ERROR MetaDB " + metaDbAddress() + " unavailable: " + f.mysqlLine());
            }
            metaDbProblem = f.mysqlLine();
            return "bad";
        }
        String password = effective.getOrDefault("ocp.monitordb.password", "");
        try (MetaDbClient ignored = MetaDbClient.connect(host.address(), effective.get("ocp.monitordb.host"),
                Integer.parseInt(effective.get("ocp.monitordb.port")), effective.get("ocp.monitordb.username"),
                password.isEmpty() ? container.env.get("OCP_MONITORDB_PASSWORD") : password, effective.get("ocp.monitordb.database"))) {
            return "okay";
        } catch (SqlFailure | RuntimeException f) {
            return "bad monitordb";
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals("admin:" + container.env.get("OCP_INITIAL_ADMIN_PASSWORD"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String envelope(JsonNode data, long began) {
        ObjectNode e = JSON.createObjectNode();
        e.set("data", data);
        e.put("successful", true).put("timestamp", host.now().atOffset(ZoneOffset.UTC).toString())
                .put("duration", (System.nanoTime() - began) / 1_000_000).put("status", 200)
                .put("traceId", UUID.randomUUID().toString().replace("-", "").substring(0, 16)).put("server", host.address());
        return e.toString();
    }

    private String error(int status, String code, String message, long began) {
        ObjectNode e = JSON.createObjectNode();
        e.putNull("data");
        e.put("successful", false).put("timestamp", host.now().atOffset(ZoneOffset.UTC).toString())
                .put("duration", (System.nanoTime() - began) / 1_000_000).put("status", status)
                .put("traceId", UUID.randomUUID().toString().replace("-", "").substring(0, 16)).put("server", host.address());
        e.putObject("error").put("code", code).put("message", message);
        return e.toString();
    }

    private static int send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + (type.startsWith("text") ? "; charset=UTF-8" : ""));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    /**
     * Appends to /home/admin/logs/ocp/&lt;file&gt; inside the container (oceanbase/ocp-doc@V4.2.2
     * zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md: read with docker exec), and to
     * the container's log.
     */
    void log(String file, String line) {
        Path dir = host.docker().containerFiles(container).resolve("home/admin/logs/ocp");
        String entry = Instant.now() + " INFO [" + container.name + "] " + line + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), entry, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host.docker().log(container, line);
    }
}
