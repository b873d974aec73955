package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocpha.lab.standins.Container;
import dev.ocpha.lab.standins.ContainerProcess;
import dev.ocpha.lab.standins.HostRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OceanBase MetaDB container (ocp-facts §4.2, §6.2): real listeners on the host's address for SQL (2881), RPC (2882),
 * OBProxy (2883, the same SQL endpoint) and the container's sshd (2022), or the ports its environment names
 * ({@code OB_MYSQL_PORT}, {@code OB_RPC_PORT}, {@code OB_PROXY_PORT}, {@code OB_SSHD_PORT}). It joins the cluster
 * {@code OB_CLUSTER_NAME} as zone {@code OB_ZONE}; {@code OB_ROOT_PASSWORD} sets root@sys when it creates the cluster.
 */
public final class MetaDbReplica implements ContainerProcess {
    private final HostRuntime host;
    private final Container container;
    private final MetaDbRegistry registry;
    private final SqlEngine engine;
    private final InternalOps ops;
    private final List<ServerSocket> listeners = new ArrayList<>();
    private ExecutorService connections;

    public MetaDbReplica(HostRuntime host, Container container, MetaDbRegistry registry) {
        this.host = host;
        this.container = container;
        this.registry = registry;
        this.engine = new SqlEngine(registry);
        this.ops = new InternalOps(registry);
    }

    int mysqlPort() {
        return port("OB_MYSQL_PORT", 2881);
    }

    private int port(String env, int defaultPort) {
        String value = container.env.get(env);
        return container.hostPort(value != null && value.matches("\\d{1,5}") ? Integer.parseInt(value) : defaultPort);
    }

    @Override
    public List<Integer> ports() {
        return List.of(mysqlPort(), port("OB_RPC_PORT", 2882), port("OB_PROXY_PORT", 2883), port("OB_SSHD_PORT", 2022));
    }

    @Override
    public synchronized void start() {
        String cluster = container.env.get("OB_CLUSTER_NAME");
        if (cluster == null || !cluster.matches("[A-Za-z_][A-Za-z0-9_-]{0,127}")) {
            host.docker().exited(container, 1, "[ERROR] OB_CLUSTER_NAME must name the cluster (letters, digits, '_' and '-'), got "
                    + (cluster == null ? "nothing" : "'" + cluster + "'"));
            return;
        }
        connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lab-metadb-" + host.name() + "-" + container.name);
            t.setDaemon(true);
            return t;
        });
        List<Integer> ports = ports();
        try {
            for (int i = 0; i < ports.size(); i++) {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host.address(), ports.get(i)), 100);
                listeners.add(socket);
                int kind = i;
                connections.execute(() -> accept(socket, kind, cluster));
            }
        } catch (IOException e) {
            stop();
            host.docker().exited(container, 1, "[ERROR] observer failed to listen: " + e.getMessage());
            return;
        }
        registry.join(cluster, container.version, new MetaDbState.Replica(host.name(), container.name, host.address(),
                container.env.getOrDefault("OB_ZONE", ""), ports.get(0), ports.get(1), ports.get(2), ports.get(3)),
                container.env.get("OB_ROOT_PASSWORD"));
        host.docker().log(container, "[INFO] observer of cluster " + cluster + " zone " + container.env.getOrDefault("OB_ZONE", "")
                + " listening on " + host.address() + " ports " + ports);
    }

    @Override
    public synchronized void stop() {
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        listeners.clear();
        if (connections != null) {
            connections.shutdownNow();
            connections = null;
        }
    }

    @Override
    public String processLine() {
        return listeners.isEmpty() ? null : "1 /home/admin/oceanbase/bin/observer -p " + mysqlPort() + " -P " + port("OB_RPC_PORT", 2882)
                + " -n " + container.env.getOrDefault("OB_CLUSTER_NAME", "") + " -z " + container.env.getOrDefault("OB_ZONE", "");
    }

    @Override
    public Map<String, String> tools() {
        return Map.of("/home/admin/oceanbase/bin/obclient", "obclient", "obclient", "obclient");
    }

    private void accept(ServerSocket socket, int kind, String cluster) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> serve(client, kind, cluster));
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    /** SQL on the MySQL and OBProxy ports; an RPC port that accepts and closes; an sshd banner on 2022. */
    private void serve(Socket client, int kind, String cluster) {
        try (client) {
            OutputStream out = client.getOutputStream();
            if (kind == 1) {
                return;
            }
            if (kind == 3) {
                out.write("SSH-2.0-OpenSSH_7.4\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (first == null) {
                return;
            }
            JsonNode login = SqlEngine.JSON.readTree(first);
            SqlEngine.Session session;
            try {
                session = engine.login(cluster, login.path("user").asText(), login.path("password").asText(""),
                        login.hasNonNull("database") ? login.get("database").asText() : null,
                        client.getInetAddress().getHostAddress(), host::now);
                reply(out, SqlEngine.JSON.createObjectNode().put("ok", true));
            } catch (SqlFailure e) {
                reply(out, e.json());
                return;
            }
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode request = SqlEngine.JSON.readTree(line);
                try {
                    reply(out, request.has("sql") ? engine.execute(session, request.get("sql").asText())
                            : ops.handle(session, request));
                } catch (SqlFailure e) {
                    reply(out, e.json());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the replica stopped with its host
        }
    }

    private static void reply(OutputStream out, ObjectNode reply) throws IOException {
        out.write((reply.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
