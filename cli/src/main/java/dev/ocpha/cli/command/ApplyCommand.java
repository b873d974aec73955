package dev.ocpha.cli.command;

import dev.ocpha.cli.client.Api;
import dev.ocpha.cli.client.OcphaClient;
import dev.ocpha.cli.render.DeploymentText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "apply", description = "Send a topology to the planner: validate, plan and start the deployment "
        + "(operator).")
public final class ApplyCommand extends OcphaCommand {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "TOPOLOGY",
            description = "The topology, YAML (or JSON when it ends in .json); docs/topology.md.")
    Path file;

    @Option(names = "--dry-run", description = "Plan only: print the phases, steps and critical path; start nothing.")
    boolean dryRun;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Sent again with the same topology, the same deployment is answered instead of a new one.")
    String idempotencyKey;

    @Override
    public Integer call() {
        byte[] topology;
        try {
            topology = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
        String type = file.toString().endsWith(".json") ? OcphaClient.JSON : OcphaClient.YAML;
        String path = "/deployments" + (dryRun ? "?dryRun=true" : "");
        if (dryRun) {
            out().print(DeploymentText.plan(client().postRaw(endpoints().planner(), path, topology, type,
                    idempotencyKey, Api.Plan.class)));
        } else {
            out().print(DeploymentText.accepted(client().postRaw(endpoints().planner(), path, topology, type,
                    idempotencyKey, Api.Deployment.class)));
        }
        return 0;
    }
}
