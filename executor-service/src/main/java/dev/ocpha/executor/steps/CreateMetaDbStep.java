package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One observer of the MetaDB cluster on the host, as OceanBase documents a command-line deployment
 * (oceanbase/oceanbase-doc@V4.2.5 {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/
 * 400.deploy-through-the-command-line/200.deploy-the-oceanbase-cluster-command-line/
 * 400.deploy-three-oceanbase-replica-clusters.md}): step 1 installs the packages ({@code rpm -ivh}, skipped when
 * {@code rpm -q} finds them), step 2 creates the data and log directories and links them into
 * {@code <home>/store/<cluster>}, step 3.1 starts observer with its documented flags, unless the observer of its
 * pid file is alive; then the step waits until the SQL and RPC ports accept connections.
 */
@ApplicationScoped
public class CreateMetaDbStep implements Step {

    /** How long observer may take to listen after it started. */
    static final int LISTEN_WAIT_SECONDS = 120;

    @Override
    public String kind() {
        return StepKinds.CREATE_METADB;
    }

    @Override
    public String description() {
        return "Install the OceanBase packages and start the MetaDB observer of one zone with the documented command line";
    }


    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("media");
        p.path("mediaDir");
        p.name("metaDbCluster");
        p.integer("clusterId", 1, Integer.MAX_VALUE);
        p.name("zone");
        p.host("address");
        p.port("mysqlPort");
        p.port("rpcPort");
        rsList(p);
        for (String size : List.of("cpu", "memoryGb", "systemMemoryGb", "datafileGb", "logDiskGb")) {
            p.integer(size, 1, 1 << 20);
        }
        for (String dir : StepKinds.METADB_DIRECTORIES) {
            p.path(dir);
        }
    }

    /** {@code ip:rpcPort:mysqlPort} entries joined with {@code ;}, as observer's {@code -r} takes them. */
    static String rsList(StepParameters p) throws StepFailure {
        return rsList(p, 2, "ip:rpcPort:mysqlPort");
    }

    /** The {@code rsList} parameter: entries of an address and {@code ports} port numbers, joined with {@code ;}. */
    static String rsList(StepParameters p, int ports, String form) throws StepFailure {
        String value = p.require("rsList");
        for (String entry : value.split(";", -1)) {
            if (!entry.matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5}){" + ports + "}")) {
                throw p.invalid("rsList", "has '" + entry + "', not " + form);
            }
        }
        return value;
    }

    /**
     * Observer's {@code -o} startup parameters: the planned memory, system memory, data file, log disk and CPU, and
     * {@code config_additional_dir} in the data and log directories, as the documented example gives them.
     */
    static String options(StepParameters p, String dataDir, String logDir) throws StepFailure {
        return "memory_limit=" + p.integer("memoryGb", 1, 1 << 20) + "G,system_memory=" + p.integer("systemMemoryGb", 1, 1 << 20)
                + "G,datafile_size=" + p.integer("datafileGb", 1, 1 << 20) + "G,log_disk_size=" + p.integer("logDiskGb", 1, 1 << 20)
                + "G,cpu_count=" + p.integer("cpu", 1, 1 << 20) + ",config_additional_dir=" + dataDir + "/etc3;" + logDir + "/etc2";
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        MediaLibrary.Medium medium = context.medium(p.name("media"));
        MetaDbPackages packages = MetaDbPackages.of(medium, p.path("mediaDir"));
        List<String> done = new ArrayList<>();
        done.add(packages.install(context));
        String home = packages.home(context, packages.observer(), "/bin/observer");
        String installDir = p.path("installDir");
        if (!home.equals(installDir)) {
            throw StepFailure.permanent(packages.observer().name() + " installs observer in " + home
                    + ", but the plan's installDir is " + installDir);
        }
        String cluster = p.name("metaDbCluster");
        String data = p.path("dataDir") + "/" + cluster;
        String log = p.path("logDir") + "/" + cluster;
        String store = home + "/store/" + cluster;
        done.add(context.run("creating the MetaDB directories", directories(context, data, log, store)).strip());

        String address = p.host("address");
        int sqlPort = p.port("mysqlPort");
        int rpcPort = p.port("rpcPort");
        String start = context.template("start-observer", ActionType.RUN, Map.of("home", home, "ip", address,
                "rpcPort", String.valueOf(rpcPort), "sqlPort", String.valueOf(sqlPort), "zone", quote(p.name("zone")),
                "cluster", cluster, "rsList", quote(rsList(p)), "clusterId", String.valueOf(p.integer("clusterId", 1, Integer.MAX_VALUE)),
                "options", quote(options(p, data, log))));
        String pidFile = home + "/run/observer.pid";
        done.add(context.run("starting observer of zone " + p.name("zone"), Processes.startUnlessAlive(context, "observer",
                quote(pidFile), start, List.of(sqlPort, rpcPort), address, LISTEN_WAIT_SECONDS)).strip());
        return String.join("; ", done);
    }

    /** The documented layout: data and log directories of the cluster, each linked into the store directory. */
    private static String directories(StepContext context, String data, String log, String store) throws StepFailure {
        List<String> dirs = List.of(data + "/sstable", data + "/slog", data + "/etc3", log + "/clog", log + "/etc2", store);
        StringBuilder script = new StringBuilder(context.template("create-store-dirs", ActionType.RUN,
                Map.of("directories", Shell.quoteAll(dirs))) + " || exit 75\n");
        for (String target : dirs.subList(0, 5)) {
            String link = store + target.substring(target.lastIndexOf('/'));
            script.append("[ -L ").append(quote(link)).append(" ] || ").append(context.template("link-store-dir",
                    ActionType.RUN, Map.of("target", quote(target), "link", quote(link)))).append(" || exit 75\n");
        }
        return script.append("echo \"store ").append(store).append(" ready\"\n").toString();
    }
}
