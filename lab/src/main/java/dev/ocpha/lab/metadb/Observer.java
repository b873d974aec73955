package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.Getopt;
import dev.ocpha.lab.standins.HostDaemons;
import dev.ocpha.lab.standins.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lab's observer, which the {@code oceanbase-ce} RPM's {@code bin/observer} hands over to, started by its
 * documented line (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/200.deploy-the-oceanbase-cluster-command-line/400.deploy-three-oceanbase-replica-clusters.md},
 * Step 3.1) from its home, the working directory: it echoes its command line, checks it, makes {@code run/ log/ etc/
 * audit/} there and daemonizes, leaving a process ({@code run/observer.pid}, {@code log/observer.log}) that serves
 * SQL and RPC on {@code -I} ({@link ObserverServer}) as a server of cluster {@code -n} in zone {@code -z}. The lab
 * refuses before daemonizing what observer would only report in its log after it (a missing parameter, a port in use).
 */
public final class Observer {
    private Observer() {
    }

    private static final DaemonCommandLine.Front FRONT = new DaemonCommandLine.Front("observer", "LAB_OB_VERSION",
            "oceanbase-ce package installs it (/home/admin/oceanbase/bin/observer)", ObserverCommand.OPTIONS, ObserverCommand::echo,
            v -> "observer (OceanBase_CE " + v + ".0)\n\nREVISION: lab stand-in\n", Observer::help);

    public static int run(ToolCall c, MetaDbRegistry registry) throws IOException {
        return DaemonCommandLine.run(c, FRONT, (program, version, given) -> start(c, registry, program, version, given));
    }

    private static int start(ToolCall c, MetaDbRegistry registry, String program, String version, List<Getopt.Given> given)
            throws StartRefused, IOException {
        Path config = c.hostFile("etc/observer.config.bin");
        ObserverCommand command = ObserverCommand.of(given, DaemonCommandLine.saved(config, ObserverCommand.class));
        command.requireComplete();
        if (!command.localIp().equals(c.host().address())) {
            throw new StartRefused("[ERROR] -I " + command.localIp() + ": not an address of this host (" + c.host().name()
                    + " has " + c.host().address() + ")");
        }
        Path dataDir = c.hostFile(command.dataDir());
        if (!Files.isDirectory(dataDir)) {
            throw new StartRefused("[ERROR] -d " + command.dataDir() + ": No such directory");
        }
        for (String dir : new String[] {"run", "log", "etc", "audit"}) {
            Files.createDirectories(c.hostFile(dir));
        }
        HostDaemons.Launch launch = new HostDaemons.Launch("observer", DaemonCommandLine.commandLine(program, c.args()),
                c.hostFile("run/observer.pid"), c.hostFile("log/observer.log"));
        Optional<Long> running = c.host().daemons().running(launch.pidFile());
        if (running.isPresent()) {
            throw new StartRefused("[ERROR] observer is already running here, pid " + running.get() + " (run/observer.pid)");
        }
        ObserverStore store = ObserverStore.open(c.host().root(), "/" + c.host().root().relativize(dataDir), command.cluster());
        try {
            c.host().daemons().launch(c, launch, new ObserverServer(c.host(), command, registry));
        } catch (java.net.BindException e) {
            HostDaemons.log(launch, "ERROR", "fail to listen: " + e.getMessage());
            throw new StartRefused("[ERROR] fail to listen on " + e.getMessage());
        }
        registry.join(command.cluster(), version, new MetaDbState.Replica(c.host().name(), store.serverId(),
                command.localIp(), command.zone(), command.sqlPort(), command.rpcPort(), store.identity().toString()),
                ObserverStore::holds);
        DaemonCommandLine.save(config, command);
        HostDaemons.log(launch, "INFO", "observer starts (observer_version=\"OceanBase_CE " + version + ".0\", cluster="
                + command.cluster() + ", cluster_id=" + command.clusterId() + ", zone=" + command.zone() + ", server="
                + command.localIp() + ":" + command.rpcPort() + ", mysql_port=" + command.sqlPort() + ")");
        c.result("observer " + command.cluster() + "/" + command.zone() + " on " + command.localIp() + ":" + command.sqlPort());
        return 0;
    }

    private static String help() {
        return """
                observer [OPTIONS]
                  -I,--local_ip IP         this server's address
                  -p,--mysql_port PORT     SQL port
                  -P,--rpc_port PORT       RPC port
                  -z,--zone ZONE           this server's zone
                  -n,--appname NAME        cluster name
                  -c,--cluster_id ID       cluster id
                  -d,--data_dir DIR        store directory
                  -r,--rs_list LIST        root service list, ip:rpc_port:sql_port;...
                  -o,--optstr PARAMETERS   startup parameters, key=value,...
                  -l,--log_level LEVEL     log level
                  -N,--nodaemon            stay in the foreground
                  -V,--version             print the version
                  -h,--help                print this help""";
    }
}
