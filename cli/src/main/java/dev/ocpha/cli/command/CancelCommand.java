package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", description = "Cancel a running or FAILED deployment: no new step starts; running steps "
        + "finish (operator).")
public final class CancelCommand extends OcphaCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the audit log.")
    String reason;

    @Override
    public Integer call() {
        String query = reason == null ? "" : "?reason=" + segment(reason);
        Api.Deployment d = client().post(endpoints().planner(), "/deployments/" + segment(id) + "/cancel" + query,
                null, Api.Deployment.class);
        out().println("deployment " + d.id() + " " + d.status());
        return 0;
    }
}
