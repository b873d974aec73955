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
 * The lab's obproxy, which the {@code obproxy-ce} RPM's {@code bin/obproxy} hands over to, started by its documented
 * line (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/300.deploy-obproxy-command-line.md})
 * as {@code bin/obproxy} from its home (the directory above its {@code bin/}): it echoes its command line, checks it
 * and daemonizes, leaving a process ({@code run/obproxy-<ip>-<port>.pid}, as obd names it, oceanbase/obdeploy
 * {@code plugins/obproxy/3.1.0/start.py}; {@code log/obproxy.log}) that serves {@link ObproxyServer} on the host's
 * address.
 */
public final class Obproxy {
    private Obproxy() {
    }

    private static final DaemonCommandLine.Front FRONT = new DaemonCommandLine.Front("obproxy", "LAB_OBPROXY_VERSION",
            "obproxy-ce package installs it (/home/admin/obproxy-<version>/bin/obproxy)", ObproxyCommand.OPTIONS, ObproxyCommand::echo,
            v -> "obproxy (OceanBase " + v + ")\nREVISION: lab stand-in\n", Obproxy::help);

    public static int run(ToolCall c, MetaDbRegistry registry) throws IOException {
        return DaemonCommandLine.run(c, FRONT, (program, version, given) -> start(c, registry, program, given));
    }

    private static int start(ToolCall c, MetaDbRegistry registry, String program, List<Getopt.Given> given)
            throws StartRefused, IOException {
        Path bin = c.hostFile(program).getParent();
        Path home = bin == null || bin.getParent() == null ? c.hostFile(".") : bin.getParent();
        Path config = home.resolve("etc/obproxy_config.bin");
        ObproxyCommand command = ObproxyCommand.of(given, DaemonCommandLine.saved(config, ObproxyCommand.class));
        command.requireComplete();
        HostDaemons.Launch launch = new HostDaemons.Launch("obproxy", DaemonCommandLine.commandLine(program, c.args()),
                home.resolve("run/obproxy-" + c.host().address() + "-" + command.listenPort() + ".pid"),
                home.resolve("log/obproxy.log"));
        Optional<Long> running = c.host().daemons().running(launch.pidFile());
        if (running.isPresent()) {
            throw new StartRefused("[ERROR] obproxy is already running here, pid " + running.get());
        }
        Files.createDirectories(home.resolve("etc"));
        try {
            c.host().daemons().launch(c, launch, new ObproxyServer(c.host(), command, launch, registry));
        } catch (java.net.BindException e) {
            HostDaemons.log(launch, "ERROR", "fail to listen: " + e.getMessage());
            throw new StartRefused("[ERROR] fail to listen on " + e.getMessage());
        }
        DaemonCommandLine.save(config, command);
        HostDaemons.log(launch, "INFO", "obproxy starts (cluster_name=" + command.cluster() + ", rs_list=" + command.rsList()
                + ", listen_port=" + command.listenPort() + ")");
        c.result("obproxy " + command.cluster() + " on " + c.host().address() + ":" + command.listenPort());
        return 0;
    }

    private static String help() {
        return """
                obproxy [OPTIONS]
                  -p,--listen_port PORT        SQL port clients connect to (default 2883)
                  -r,--rs_list LIST            the cluster's servers, ip:sql_port;...
                  -c,--cluster_name NAME       the cluster's name
                  -o,--optstr PARAMETERS       parameters, key=value,... (observer_sys_password=<sha1 hex of proxyro's password>)
                  -n,--appname NAME            application name
                  -l,--prometheus_listen_port  prometheus port
                  -N,--nodaemon                stay in the foreground
                  -V,--version                 print the version
                  -h,--help                    print this help""";
    }
}
