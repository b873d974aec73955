package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.HostRuntime;
import java.io.IOException;

/**
 * What a running observer serves on its host's address: SQL on {@code -p} (the lab's SQL protocol, as a replica of
 * cluster {@code -n}) and its RPC port {@code -P} (accepting, so the bootstrap's and DBA_OB_SERVERS' live probes see it).
 */
final class ObserverServer extends ListeningService {
    private final HostRuntime host;
    private final ObserverCommand command;
    private final SqlEngine engine;
    private final InternalOps ops;

    ObserverServer(HostRuntime host, ObserverCommand command, MetaDbRegistry registry) {
        super("lab-observer-" + host.name() + "-" + command.sqlPort());
        this.host = host;
        this.command = command;
        this.engine = new SqlEngine(registry);
        this.ops = new InternalOps(registry);
    }

    @Override
    void listen(Listeners l) throws IOException {
        l.listen(command.localIp(), command.sqlPort(), SqlProtocol.handler((login, client) -> engine.login(command.cluster(),
                login.user(), login.password(), login.database(), client, host::now), engine, ops));
        l.listen(command.localIp(), command.rpcPort(), Listeners.ACCEPT_AND_CLOSE);
    }
}
