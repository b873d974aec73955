package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import dev.ocpha.cli.render.TopologyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "display", description = "The registry's view of a deployment: clusters with role, status, "
        + "nodes, standbys and binding, AZs (viewer).")
public final class DisplayCommand extends OcphaCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        out().print(TopologyText.of(client().get(endpoints().registry(), "/deployments/" + segment(id) + "/topology",
                Api.Topology.class)));
        return 0;
    }
}
