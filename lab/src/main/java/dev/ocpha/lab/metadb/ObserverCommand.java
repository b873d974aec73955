package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.Getopt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * observer's start parameters, from its documented line (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/200.deploy-the-oceanbase-cluster-command-line/400.deploy-three-oceanbase-replica-clusters.md},
 * Step 3.1: {@code -I -P -p -z -d -r -c -n -o}) over what an earlier start kept in {@code etc/observer.config.bin}, so
 * that a restart with {@code -p} alone (as obd restarts it, oceanbase/obdeploy {@code plugins/oceanbase/4.0.0.0/start_pre.py})
 * comes back as it was. Values are checked as observer checks them (ports, cluster id).
 */
record ObserverCommand(String localIp, Integer rpcPort, Integer sqlPort, String zone, String dataDir, String rsList,
                       Long clusterId, String cluster, Map<String, String> parameters) {
    /** observer's options (its {@code getopt_long} table); the ones the lab does not model are accepted and kept out. */
    static final List<Getopt.Option> OPTIONS = List.of(
            new Getopt.Option('h', "help", false), new Getopt.Option('H', "home", true),
            new Getopt.Option('p', "mysql_port", true), new Getopt.Option('P', "rpc_port", true),
            new Getopt.Option('N', "nodaemon", false), new Getopt.Option('n', "appname", true),
            new Getopt.Option('c', "cluster_id", true), new Getopt.Option('d', "data_dir", true),
            new Getopt.Option('l', "log_level", true), new Getopt.Option('z', "zone", true),
            new Getopt.Option('o', "optstr", true), new Getopt.Option('i', "devname", true),
            new Getopt.Option('r', "rs_list", true), new Getopt.Option('m', "mode", true),
            new Getopt.Option('f', "scn", true), new Getopt.Option('V', "version", false),
            new Getopt.Option('6', "ipv6", false), new Getopt.Option('I', "local_ip", true));
    /** What observer echoes for each option it reads, before it daemonizes. */
    private static final Map<Character, String> ECHO = Map.ofEntries(Map.entry('H', "home"), Map.entry('p', "mysql port"),
            Map.entry('P', "rpc port"), Map.entry('z', "zone"), Map.entry('o', "optstr"), Map.entry('i', "devname"),
            Map.entry('r', "rs list"), Map.entry('n', "appname"), Map.entry('c', "cluster id"), Map.entry('d', "data_dir"),
            Map.entry('l', "log level"), Map.entry('m', "server startup mode"), Map.entry('f', "flashback scn"),
            Map.entry('I', "local_ip"));
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_-]{0,127}";

    static String echo(Getopt.Given given) {
        String label = ECHO.get(given.option().letter());
        return label == null ? given.option().name() : label + ": " + given.value();
    }

    /** The options given, over {@code saved} (null: a first start). */
    static ObserverCommand of(List<Getopt.Given> given, ObserverCommand saved) throws StartRefused {
        ObserverCommand c = saved != null ? saved : new ObserverCommand(null, null, null, null, null, null, null, null, Map.of());
        Map<String, String> parameters = new LinkedHashMap<>(c.parameters() == null ? Map.of() : c.parameters());
        String localIp = c.localIp();
        Integer rpcPort = c.rpcPort();
        Integer sqlPort = c.sqlPort();
        String zone = c.zone();
        String dataDir = c.dataDir();
        String rsList = c.rsList();
        Long clusterId = c.clusterId();
        String cluster = c.cluster();
        for (Getopt.Given g : given) {
            String v = g.value();
            switch (g.option().letter()) {
                case 'I' -> localIp = v;
                case 'P' -> rpcPort = DaemonCommandLine.port(v);
                case 'p' -> sqlPort = DaemonCommandLine.port(v);
                case 'z' -> zone = v;
                case 'd' -> dataDir = v;
                case 'r' -> rsList = rsList(v);
                case 'c' -> clusterId = clusterId(v);
                case 'n' -> cluster = v;
                case 'o' -> parameters.putAll(StartupParameters.parse(v));
                case 'i' -> throw new StartRefused("[ERROR] -i " + v + ": a lab host has no network device of its own;"
                        + " name its address with -I");
                default -> {
                    // -l, -m, -f, -6, -H: read and not modelled
                }
            }
        }
        if (cluster != null && !cluster.matches(NAME)) {
            throw new StartRefused("[ERROR] -n '" + cluster + "': a cluster name is letters, digits, '_' and '-'");
        }
        return new ObserverCommand(localIp, rpcPort, sqlPort, zone, dataDir, rsList, clusterId, cluster, parameters);
    }

    /** Fails naming the first option a start needs and neither the command line nor the saved config gives. */
    void requireComplete() throws StartRefused {
        String missing = localIp == null ? "-I,--local_ip IP" : zone == null ? "-z,--zone ZONE"
                : cluster == null ? "-n,--appname NAME" : clusterId == null ? "-c,--cluster_id ID"
                : dataDir == null ? "-d,--data_dir DIR" : sqlPort == null ? "-p,--mysql_port PORT"
                : rpcPort == null ? "-P,--rpc_port PORT" : null;
        if (missing != null) {
            throw new StartRefused("[ERROR] missing " + missing + ": the first start of an observer needs it"
                    + " (there is no etc/observer.config.bin to start from)");
        }
    }

    private static long clusterId(String value) throws StartRefused {
        if (!value.matches("-?\\d{1,18}")) {
            throw new StartRefused("need cluster id: " + value);
        }
        long id = Long.parseLong(value);
        if (id <= 0 || id >= 4294967296L) {
            throw new StartRefused("cluster id in cmd option should be in range [1,4294967295], but it is " + id);
        }
        return id;
    }

    /** {@code ip:rpc_port:sql_port} entries separated by {@code ;}. */
    private static String rsList(String value) throws StartRefused {
        for (String entry : value.split(";")) {
            if (!entry.strip().matches("[0-9A-Fa-f.:\\[\\]]+:\\d{1,5}:\\d{1,5}")) {
                throw new StartRefused("[ERROR] -r '" + value + "': '" + entry + "' is not ip:rpc_port:sql_port");
            }
        }
        return value;
    }
}
