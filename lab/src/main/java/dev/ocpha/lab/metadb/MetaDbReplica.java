package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.Container;
import dev.ocpha.lab.standins.ContainerProcess;
import dev.ocpha.lab.standins.HostRuntime;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * An OceanBase MetaDB container (the image OAT deploys the MetaDB from): real listeners on the host's address for SQL (2881), RPC (2882),
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
    private Listeners listeners;

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
        List<Integer> ports = ports();
        // SQL on the MySQL and OBProxy ports; an RPC port that accepts and closes; an sshd banner on 2022
        Listeners.Handler sql = SqlProtocol.handler((login, client) -> engine.login(cluster, login.user(), login.password(),
                login.database(), client, host::now), engine, ops);
        listeners = new Listeners("lab-metadb-" + host.name() + "-" + container.name);
        try {
            listeners.listen(host.address(), ports.get(0), sql);
            listeners.listen(host.address(), ports.get(1), Listeners.ACCEPT_AND_CLOSE);
            listeners.listen(host.address(), ports.get(2), sql);
            listeners.listen(host.address(), ports.get(3), Listeners.banner("SSH-2.0-OpenSSH_7.4\r\n"));
        } catch (IOException e) {
            stop();
            host.docker().exited(container, 1, "[ERROR] observer failed to listen: " + e.getMessage());
            return;
        }
        registry.join(cluster, container.version, MetaDbState.Replica.container(host.name(), container.name, host.address(),
                container.env.getOrDefault("OB_ZONE", ""), ports.get(0), ports.get(1), ports.get(2), ports.get(3)),
                container.env.get("OB_ROOT_PASSWORD"));
        host.docker().log(container, "[INFO] observer of cluster " + cluster + " zone " + container.env.getOrDefault("OB_ZONE", "")
                + " listening on " + host.address() + " ports " + ports);
    }

    @Override
    public synchronized void stop() {
        if (listeners != null) {
            listeners.close();
            listeners = null;
        }
    }

    @Override
    public String processLine() {
        return listeners == null ? null : "1 /home/admin/oceanbase/bin/observer -p " + mysqlPort() + " -P " + port("OB_RPC_PORT", 2882)
                + " -n " + container.env.getOrDefault("OB_CLUSTER_NAME", "") + " -z " + container.env.getOrDefault("OB_ZONE", "");
    }

    @Override
    public Map<String, String> tools() {
        return Map.of("/home/admin/oceanbase/bin/obclient", "obclient", "obclient", "obclient");
    }
}
