package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCP container of a node (ocp-facts §6.3): the {@code OCP_METADB_*}/{@code OCP_MONITORDB_*} environment contract,
 * CPU and memory limits, host network, and {@code OCP_CONFIG_PROPERTIES} with the port and the multi-AZ and
 * multi-cluster fields. The three passwords reach docker through its environment, read from standard input.
 */
@ApplicationScoped
public class InstallOcpStep implements Step {

    @Override
    public String kind() {
        return StepKinds.INSTALL_OCP;
    }

    @Override
    public String description() {
        return "Run the OCP container with the MetaDB environment contract, limits and host network";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("media");
        p.name("container");
        p.integer("cpu", 1, 1024);
        p.integer("memoryGb", 1, 4096);
        p.port("httpPort");
        metaDbHost(p);
        p.port("metaDbPort");
        p.name("metaDbDatabase");
        p.name("monitorDbDatabase");
        p.require("metaPasswordRef");
        p.require("monitorPasswordRef");
        p.require("adminPasswordRef");
        if (p.bool("multiAz")) {
            p.name("az");
            p.host("azOcpProxy");
            p.host("azMetaDbProxy");
        }
        p.bool("multiCluster");
        p.dbUser("metaDbUser");
        p.dbUser("monitorDbUser");
    }

    /** OCP refuses a MetaDB on the loopback name or address (ocp-facts §6.3): another node could not reach it. */
    private static String metaDbHost(StepParameters p) throws StepFailure {
        String host = p.host("metaDbHost");
        if (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")) {
            throw p.invalid("metaDbHost", "is " + host + ", which OCP refuses: give the MetaDB host's own address");
        }
        return host;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        MediaLibrary.Medium medium = context.medium(p.name("media"));
        String container = p.name("container");
        List<String> options = new ArrayList<>(Containers.limits(p.integer("cpu", 1, 1024), p.integer("memoryGb", 1, 4096)));
        options.addAll(Containers.env("OCP_METADB_HOST", metaDbHost(p)));
        options.addAll(Containers.env("OCP_METADB_PORT", String.valueOf(p.port("metaDbPort"))));
        options.addAll(Containers.env("OCP_METADB_USER", p.dbUser("metaDbUser")));
        options.addAll(Containers.envFromCaller("OCP_METADB_PASSWORD"));
        options.addAll(Containers.env("OCP_METADB_DBNAME", p.name("metaDbDatabase")));
        options.addAll(Containers.env("OCP_MONITORDB_USER", p.dbUser("monitorDbUser")));
        options.addAll(Containers.envFromCaller("OCP_MONITORDB_PASSWORD"));
        options.addAll(Containers.env("OCP_MONITORDB_DBNAME", p.name("monitorDbDatabase")));
        options.addAll(Containers.envFromCaller("OCP_INITIAL_ADMIN_PASSWORD"));
        options.addAll(Containers.env("OCP_CONFIG_PROPERTIES", configProperties(p)));
        String script = "IFS= read -r OCP_METADB_PASSWORD; IFS= read -r OCP_MONITORDB_PASSWORD;"
                + " IFS= read -r OCP_INITIAL_ADMIN_PASSWORD\n"
                + "export OCP_METADB_PASSWORD OCP_MONITORDB_PASSWORD OCP_INITIAL_ADMIN_PASSWORD\n"
                + Containers.ensureRunning(container, medium.image(), options);
        return context.run("running OCP container " + container, script, Shell.lines(context.secret("metaPasswordRef"),
                context.secret("monitorPasswordRef"), context.secret("adminPasswordRef"))).strip();
    }

    /** One {@code key:value} per line (ocp-facts §6.3); the multi-AZ keys carry what OAT's install form asks per node. */
    static String configProperties(StepParameters p) throws StepFailure {
        List<String> lines = new ArrayList<>();
        lines.add("server.port:" + p.port("httpPort"));
        if (p.bool("multiAz")) {
            lines.add("ocp.multi-az.enabled:true");
            lines.add("ocp.multi-az.az-name:" + p.name("az"));
            lines.add("ocp.multi-az.ocp-proxy:" + p.host("azOcpProxy"));
            lines.add("ocp.multi-az.metadb-proxy:" + p.host("azMetaDbProxy"));
        }
        if (p.bool("multiCluster")) {
            lines.add("ocp.multi-cluster.enabled:true");
        }
        return String.join("\n", lines);
    }
}
