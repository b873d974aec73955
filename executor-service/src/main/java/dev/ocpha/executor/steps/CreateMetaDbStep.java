package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One MetaDB (OceanBase) container on the host: one zone of the MetaDB cluster (ocp-facts §6.2), with host network,
 * the planned CPU and memory, and its directories. The root@sys password reaches docker through its environment,
 * read from standard input.
 */
@ApplicationScoped
public class CreateMetaDbStep implements Step {

    @Override
    public String kind() {
        return StepKinds.CREATE_METADB;
    }

    @Override
    public String description() {
        return "Run the MetaDB (OceanBase) container of one zone with its ports, limits and directories";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void validate(StepParameters parameters) throws StepFailure {
        parameters.name("media");
        parameters.name("container");
        parameters.name("metaDbCluster");
        parameters.name("zone");
        parameters.integer("cpu", 1, 1024);
        parameters.integer("memoryGb", 1, 4096);
        for (String port : List.of("mysqlPort", "rpcPort", "proxyPort", "sshdPort")) {
            parameters.port(port);
        }
        for (String dir : List.of("installDir", "dataDir", "logDir")) {
            parameters.path(dir);
        }
        parameters.require("rootPasswordRef");
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        MediaLibrary.Medium medium = context.medium(p.name("media"));
        String container = p.name("container");
        List<String> options = new ArrayList<>(Containers.limits(p.integer("cpu", 1, 1024), p.integer("memoryGb", 1, 4096)));
        options.addAll(Containers.env("OB_CLUSTER_NAME", p.name("metaDbCluster")));
        options.addAll(Containers.env("OB_ZONE", p.name("zone")));
        options.addAll(Containers.env("OB_MYSQL_PORT", String.valueOf(p.port("mysqlPort"))));
        options.addAll(Containers.env("OB_RPC_PORT", String.valueOf(p.port("rpcPort"))));
        options.addAll(Containers.env("OB_PROXY_PORT", String.valueOf(p.port("proxyPort"))));
        options.addAll(Containers.env("OB_SSHD_PORT", String.valueOf(p.port("sshdPort"))));
        options.addAll(Containers.envFromCaller("OB_ROOT_PASSWORD"));
        List<String> dirs = List.of(p.path("installDir"), p.path("dataDir"), p.path("logDir"));
        dirs.forEach(dir -> options.addAll(Containers.volume(dir)));
        String script = "IFS= read -r OB_ROOT_PASSWORD; export OB_ROOT_PASSWORD\n"
                + "mkdir -p " + Shell.quoteAll(dirs) + "\n"
                + Containers.ensureRunning(container, medium.image(), options);
        return context.run("running MetaDB container " + container, script, Shell.lines(context.secret("rootPasswordRef"))).strip();
    }
}
