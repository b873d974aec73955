package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "retry", description = "Retry a FAILED deployment from where it failed (operator).")
public final class RetryCommand extends OcphaCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        Api.Deployment d = client().post(endpoints().planner(), "/deployments/" + segment(id) + "/retry", null,
                Api.Deployment.class);
        out().println("deployment " + d.id() + " retried: " + d.status());
        return 0;
    }
}
