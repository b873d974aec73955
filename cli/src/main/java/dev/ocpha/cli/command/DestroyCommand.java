package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "destroy", description = "Tear a SUCCEEDED, FAILED or CANCELLED deployment down: OCP first, then "
        + "MetaDB (operator).")
public final class DestroyCommand extends OcphaCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        Api.Deployment d = client().delete(endpoints().planner(), "/deployments/" + segment(id), Api.Deployment.class)
                .orElseThrow(() -> new IllegalStateException("the planner answered the teardown without a body"));
        out().println("deployment " + d.id() + " " + d.status() + "; follow it with: ocpha watch " + d.id());
        return 0;
    }
}
