package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "skip", description = "Mark a FAILED or PENDING step done without running it (operator; audited).")
public final class SkipCommand extends OcphaCommand {

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "STEP", description = "The step id, as `ocpha status ID` shows it.")
    String step;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; kept in the audit log.")
    String reason;

    @Override
    public Integer call() {
        Api.Step skipped = client().post(endpoints().planner(),
                "/deployments/" + segment(id) + "/steps/" + segment(step) + "/skip", new Api.SkipRequest(reason),
                Api.Step.class);
        out().println("step " + skipped.stepId() + " " + skipped.status() + ": " + skipped.skipReason());
        out().println("a FAILED deployment continues with: ocpha retry " + id);
        return 0;
    }
}
