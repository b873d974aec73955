package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.Getopt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * obproxy's start parameters, from its documented line (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/300.deploy-obproxy-command-line.md}:
 * {@code -r "ip:sql_port;…" -p 2883 -o "observer_sys_password=<sha1 hex>,…" -c <cluster>}) over what an earlier start
 * kept in {@code etc/obproxy_config.bin}, so that a start without them comes back as it was.
 */
record ObproxyCommand(Integer listenPort, List<String> rsList, String cluster, Map<String, String> parameters) {
    static final int DEFAULT_PORT = 2883;
    /** obproxy's options (its {@code getopt_long} table). */
    static final List<Getopt.Option> OPTIONS = List.of(
            new Getopt.Option('h', "help", false), new Getopt.Option('p', "listen_port", true),
            new Getopt.Option('l', "prometheus_listen_port", true), new Getopt.Option('u', "upgrade_ver", true),
            new Getopt.Option('d', "dump_config_sql", false), new Getopt.Option('e', "execute_config_sql", false),
            new Getopt.Option('P', "test_mysql_port", true), new Getopt.Option('H', "test_mysql_ip", true),
            new Getopt.Option('o', "optstr", true), new Getopt.Option('n', "appname", true),
            new Getopt.Option('r', "rs_list", true), new Getopt.Option('c', "cluster_name", true),
            new Getopt.Option('N', "nodaemon", false), new Getopt.Option('V', "version", false),
            new Getopt.Option('R', "releaseid", false), new Getopt.Option('t', "regression_test", true));
    private static final Map<Character, String> ECHO = Map.of('p', "listen port", 'l', "prometheus listen port",
            'o', "optstr", 'n', "appname", 'r', "rs list", 'c', "cluster_name");

    static String echo(Getopt.Given given) {
        String label = ECHO.get(given.option().letter());
        return label == null ? given.option().letter() + ": " + given.option().name() : label + ": " + given.value();
    }

    /** The options given, over {@code saved} (null: a first start). */
    static ObproxyCommand of(List<Getopt.Given> given, ObproxyCommand saved) throws StartRefused {
        ObproxyCommand c = saved != null ? saved : new ObproxyCommand(null, null, null, Map.of());
        Integer listenPort = c.listenPort();
        List<String> rsList = c.rsList();
        String cluster = c.cluster();
        Map<String, String> parameters = new LinkedHashMap<>(c.parameters() == null ? Map.of() : c.parameters());
        for (Getopt.Given g : given) {
            switch (g.option().letter()) {
                case 'p' -> listenPort = DaemonCommandLine.port(g.value());
                case 'l' -> DaemonCommandLine.port(g.value());
                case 'r' -> rsList = rsList(g.value());
                case 'c' -> cluster = g.value();
                case 'o' -> parameters.putAll(StartupParameters.parse(g.value()));
                default -> {
                    // -n, -e, -u, -P, -H, -t: read and not modelled
                }
            }
        }
        return new ObproxyCommand(listenPort == null ? DEFAULT_PORT : listenPort, rsList, cluster, parameters);
    }

    /** Fails naming the first option a start needs and neither the command line nor the saved config gives. */
    void requireComplete() throws StartRefused {
        String missing = rsList == null ? "-r,--rs_list RS_LIST" : cluster == null ? "-c,--cluster_name CLUSTER_NAME" : null;
        if (missing != null) {
            throw new StartRefused("[ERROR] missing " + missing + ": the lab's obproxy serves one cluster through its"
                    + " rs_list (there is no etc/obproxy_config.bin to start from)");
        }
    }

    /** {@code observer_sys_password}: the SHA1 hex of the cluster's proxyro password ("" when none is given). */
    String observerSysPassword() {
        return parameters.getOrDefault("observer_sys_password", "");
    }

    /** {@code ip:sql_port} entries separated by {@code ;}. */
    private static List<String> rsList(String value) throws StartRefused {
        List<String> servers = new ArrayList<>();
        for (String entry : value.split(";")) {
            if (!entry.strip().matches("[0-9A-Fa-f.:\\[\\]]+:\\d{1,5}")) {
                throw new StartRefused("[ERROR] -r '" + value + "': '" + entry + "' is not ip:sql_port");
            }
            servers.add(entry.strip());
        }
        return servers;
    }
}
