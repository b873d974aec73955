package dev.ocpha.lab.standins;

import dev.ocpha.lab.metadb.MetaDbRegistry;
import dev.ocpha.lab.metadb.Obclient;
import dev.ocpha.lab.metadb.Obproxy;
import dev.ocpha.lab.metadb.Observer;
import dev.ocpha.lab.ocp.OcpBootstrap;
import dev.ocpha.lab.ocp.OcpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the stand-ins of all hosts of a fleet share: the control server with every tool, the MetaDB clusters, the
 * fleet's settings, and which process runs in a container of each image kind.
 */
public final class LabServices implements AutoCloseable {
    private final ControlServer control = new ControlServer();
    private final Path stateDir;
    private final Duration ocpStartDelay;
    private final MetaDbRegistry metaDbs;
    private final OatConsole oat;

    public LabServices(Path stateDir, Duration ocpStartDelay) {
        this.stateDir = stateDir;
        this.ocpStartDelay = ocpStartDelay;
        this.metaDbs = new MetaDbRegistry(stateDir.resolve("metadb-clusters.json"));
        SystemTools.register(control);
        Docker.register(control);
        control.tool("obclient", Obclient::run);
        control.packagedTool("observer", c -> Observer.run(c, metaDbs));
        control.packagedTool("obproxy", c -> Obproxy.run(c, metaDbs));
        control.containerTool("ocp-bootstrap", OcpBootstrap::run);
        control.containerTool("pgrep", LabServices::pgrep);
        oat = new OatConsole(control);
    }

    /** The operator's OAT, with every host of the fleet among its servers. */
    public OatConsole oat() {
        return oat;
    }

    public ControlServer control() {
        return control;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Duration ocpStartDelay() {
        return ocpStartDelay;
    }

    ContainerProcess containerProcess(HostRuntime host, Container c) {
        return switch (c.kind) {
            case "OCP" -> new OcpServer(host, c);
            case "OAT" -> new OatServer(host, c);
            default -> new UnmodelledImage(host, c); // OceanBase's images, and any image the lab does not know
        };
    }

    /** {@code pgrep [-a] [-f] [-l] pattern} inside a container: its main process, as {@code ps} would list it. */
    private static int pgrep(ToolCall c) throws IOException {
        String pattern = c.args().stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        if (pattern == null) {
            return c.fail(2, "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.");
        }
        Optional<ContainerProcess> process = Optional.ofNullable(c.env().get("LAB_CONTAINER"))
                .flatMap(name -> c.host().docker().process(name));
        String line = process.map(ContainerProcess::processLine).orElse(null);
        if (line == null || !Pattern.compile(pattern).matcher(line.substring(line.indexOf(' ') + 1)).find()) {
            return 1;
        }
        boolean full = c.args().contains("-a") || c.args().contains("--list-full");
        boolean name = c.args().contains("-l") || c.args().contains("--list-name");
        String pid = line.substring(0, line.indexOf(' '));
        String command = line.substring(line.indexOf(' ') + 1);
        c.out(full ? line + "\n" : name ? pid + " " + command.substring(command.lastIndexOf('/') + 1).split(" ")[0] + "\n" : pid + "\n");
        return 0;
    }

    @Override
    public void close() {
        oat.close();
        control.close();
    }
}
