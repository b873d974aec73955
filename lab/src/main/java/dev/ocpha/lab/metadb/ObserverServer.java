package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.HostDaemons;
import dev.ocpha.lab.standins.HostRuntime;
import java.io.IOException;

/**
 * What a running observer serves on its host's address: SQL on {@code -p} (the lab's SQL protocol, as a replica of
 * cluster {@code -n}) and its RPC port {@code -P} (accepting, so the bootstrap's and DBA_OB_SERVERS' live probes see it).
 */
final class ObserverServer implements HostDaemons.Service {
    private final HostRuntime host;
    private final ObserverCommand command;
    private final SqlEngine engine;
    private final InternalOps ops;
    private Listeners listeners;

    ObserverServer(HostRuntime host, ObserverCommand command, MetaDbRegistry registry) {
        this.host = host;
        this.command = command;
        this.engine = new SqlEngine(registry);
        this.ops = new InternalOps(registry);
    }

    @Override
    public synchronized void start() throws IOException {
        if (listeners != null) {
            return;
        }
        Listeners l = new Listeners("lab-observer-" + host.name() + "-" + command.sqlPort());
        try {
            l.listen(command.localIp(), command.sqlPort(), SqlProtocol.handler((login, client) -> engine.login(command.cluster(),
                    login.user(), login.password(), login.database(), client, host::now), engine, ops));
            l.listen(command.localIp(), command.rpcPort(), Listeners.ACCEPT_AND_CLOSE);
        } catch (IOException e) {
            l.close();
            throw e;
        }
        listeners = l;
    }

    @Override
    public synchronized void stop() {
        if (listeners != null) {
            listeners.close();
            listeners = null;
        }
    }
}
