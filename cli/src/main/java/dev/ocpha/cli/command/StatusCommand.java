package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import dev.ocpha.cli.render.DeploymentText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "List the deployments, newest first, or show one: phases, steps by "
        + "status, failure (viewer).")
public final class StatusCommand extends OcphaCommand {

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A deployment; without it, the list.")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "List only deployments in this status.")
    String status;

    @Option(names = "--page", defaultValue = "0", description = "Page of the list, from 0 (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20",
            description = "Deployments per page, 1–100 (default: ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() {
        if (id != null) {
            out().print(DeploymentText.details(client().get(endpoints().planner(), "/deployments/" + segment(id),
                    Api.Deployment.class)));
            return 0;
        }
        String query = "?page=" + page + "&size=" + size + (status == null ? "" : "&status=" + segment(status));
        out().print(DeploymentText.list(client().get(endpoints().planner(), "/deployments" + query,
                Api.DeploymentPage.class)));
        return 0;
    }
}
