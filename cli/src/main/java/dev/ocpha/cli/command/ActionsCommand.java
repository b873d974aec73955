package dev.ocpha.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.cli.client.Api;
import dev.ocpha.cli.render.Table;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * Operator actions: what a deployment's steps ask a person to do (where OCP documents no interface), and reporting
 * one done, after which the executor verifies it with the step's probes.
 */
@Command(name = "actions", description = "List the operator actions of a deployment: action, step, host, title, "
        + "status (viewer).", subcommands = ActionsCommand.Done.class)
public final class ActionsCommand extends OcphaCommand {

    public enum Output { TABLE, JSON }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID")
    String id;

    @Option(names = {"-o", "--output"}, defaultValue = "TABLE", paramLabel = "FORMAT",
            description = "table or json (every field, instructions included; default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() {
        if (id == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'ID' (ocpha actions ID, "
                    + "or ocpha actions done ID ACTION --note TEXT)");
        }
        String path = "/deployments/" + segment(id) + "/actions";
        if (output == Output.JSON) {
            JsonNode actions = client().get(endpoints().planner(), path, JsonNode.class);
            try {
                out().println(client().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actions));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        Table table = new Table("ACTION", "STEP", "HOST", "TITLE", "STATUS");
        for (Api.Action action : client().get(endpoints().planner(), path, Api.Action[].class)) {
            table.row(action.actionId(), action.stepId(), action.host(), action.title(), action.status());
        }
        out().print(table.render());
        return 0;
    }

    @Command(name = "done", description = "Report an operator action done (operator; audited with the note); the "
            + "executor then verifies it.")
    static final class Done extends OcphaCommand {

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "ACTION", description = "The action id, as `ocpha actions ID` shows it.")
        String action;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "What you did; kept in the audit log.")
        String note;

        @Override
        public Integer call() {
            Api.Action completed = client().post(endpoints().planner(), "/deployments/" + segment(id) + "/actions/"
                    + segment(action) + "/complete", new Api.CompleteActionRequest(note), Api.Action.class);
            out().println("action " + completed.actionId() + " " + completed.status() + " by " + completed.completedBy()
                    + ": " + completed.note());
            out().println("the executor now verifies it; follow with: ocpha watch " + id);
            return 0;
        }
    }
}
