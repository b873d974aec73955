package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.HostDaemons;
import dev.ocpha.lab.standins.HostRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a running obproxy serves on its host's address and {@code -p}: the lab's SQL protocol, each login
 * ({@code user@tenant#cluster}, {@code cluster:tenant:user}, or {@code user@tenant} for cluster {@code -c}) going to
 * the cluster through the first server of its rs_list that answers. Until obproxy can log in to the cluster as
 * proxyro (the cluster bootstrapped, proxyro created with a password whose SHA1 hex is {@code observer_sys_password})
 * every login fails as obproxy reports it, {@code ERROR 4669 (HY000): cluster not exist}; the log says why.
 */
final class ObproxyServer extends ListeningService {
    private final HostRuntime host;
    private final ObproxyCommand command;
    private final HostDaemons.Launch launch;
    private final MetaDbRegistry registry;
    private final SqlEngine engine;
    private final InternalOps ops;

    ObproxyServer(HostRuntime host, ObproxyCommand command, HostDaemons.Launch launch, MetaDbRegistry registry) {
        super("lab-obproxy-" + host.name() + "-" + command.listenPort());
        this.host = host;
        this.command = command;
        this.launch = launch;
        this.registry = registry;
        this.engine = new SqlEngine(registry);
        this.ops = new InternalOps(registry);
    }

    @Override
    void listen(Listeners l) throws IOException {
        l.listen(host.address(), command.listenPort(), SqlProtocol.handler(this::login, engine, ops));
    }

    private SqlEngine.Session login(SqlProtocol.Credentials credentials, String client) throws SqlFailure {
        String user = credentials.user();
        String[] colon = user.split(":");
        if (colon.length == 3 && !user.contains("@")) {
            user = colon[2] + "@" + colon[1] + "#" + colon[0]; // cluster:tenant:user
        }
        int hash = user.indexOf('#');
        String cluster = hash < 0 ? command.cluster() : user.substring(hash + 1).replaceFirst(":\\d+$", "");
        String userAtTenant = hash < 0 ? user : user.substring(0, hash);
        if (!cluster.equals(command.cluster())) {
            return refuse("login names cluster '" + cluster + "'; this obproxy serves " + command.cluster() + " (-c)");
        }
        if (command.rsList().stream().noneMatch(this::answers)) {
            return refuse("no server of the rs_list " + command.rsList() + " answers");
        }
        String reason = registry.read(all -> {
            MetaDbState s = all.get(cluster);
            if (s == null) {
                return "cluster " + cluster + " does not exist";
            }
            if (!s.bootstrapped) {
                return "cluster " + cluster + " is not bootstrapped";
            }
            String proxyro = s.tenants.get("sys").users.get("proxyro");
            if (proxyro == null) {
                return "no user proxyro in the sys tenant of " + cluster;
            }
            return command.observerSysPassword().equalsIgnoreCase(proxyro.isEmpty() ? "" : sha1Hex(proxyro)) ? null
                    : "observer_sys_password is not the SHA1 of proxyro's password: fail to log in as proxyro";
        });
        if (reason != null) {
            return refuse(reason);
        }
        return engine.login(cluster, userAtTenant, credentials.password(), credentials.database(), client, host::now);
    }

    private boolean answers(String server) {
        int colon = server.lastIndexOf(':');
        return SqlEngine.reachable(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
    }

    private SqlEngine.Session refuse(String reason) throws SqlFailure {
        HostDaemons.log(launch, "WARN", "login refused: " + reason);
        throw new SqlFailure(4669, "HY000", "cluster not exist");
    }

    static String sha1Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
