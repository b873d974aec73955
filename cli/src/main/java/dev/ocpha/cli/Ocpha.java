package dev.ocpha.cli;

import dev.ocpha.cli.client.ApiException;
import dev.ocpha.cli.client.Endpoints;
import dev.ocpha.cli.client.OcphaClient;
import dev.ocpha.cli.command.ActionsCommand;
import dev.ocpha.cli.command.ApplyCommand;
import dev.ocpha.cli.command.CancelCommand;
import dev.ocpha.cli.command.DestroyCommand;
import dev.ocpha.cli.command.DisplayCommand;
import dev.ocpha.cli.command.RetryCommand;
import dev.ocpha.cli.command.SkipCommand;
import dev.ocpha.cli.command.StatusCommand;
import dev.ocpha.cli.command.TokenCommand;
import dev.ocpha.cli.command.WatchCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ocpha}: the operator's tool over the services' HTTP APIs (docs/cli.md). Where the services are and the
 * token are options of every command; the token comes from a file or the environment, never from an argument
 * (arguments show in {@code ps}).
 */
@Command(name = "ocpha", mixinStandardHelpOptions = true, version = "ocpha 0.1.0",
        description = "Deploy and follow OCP high-availability deployments.",
        subcommands = {TokenCommand.class, ApplyCommand.class, StatusCommand.class, WatchCommand.class,
                RetryCommand.class, CancelCommand.class, SkipCommand.class, ActionsCommand.class, DestroyCommand.class,
                DisplayCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Environment: OCPHA_PLANNER_URL, OCPHA_CHECKER_URL, OCPHA_REGISTRY_URL, OCPHA_EXECUTOR_URLS "
                + "(comma-separated), OCPHA_TOKEN.",
                "Exit codes: 0 done, 1 the deployment watched FAILED or was CANCELLED, 2 usage, 3 refused by a "
                        + "service (4xx), 4 a service failed (5xx) or could not be reached."})
public final class Ocpha {

    public static final int REFUSED = 3;
    public static final int SERVICE_FAILED = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--planner", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The planner (default: $OCPHA_PLANNER_URL, else http://localhost:8081).")
    private String planner;

    @Option(names = "--checker", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The checker (default: $OCPHA_CHECKER_URL, else http://localhost:8083).")
    private String checker;

    @Option(names = "--registry", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The registry (default: $OCPHA_REGISTRY_URL, else http://localhost:8084).")
    private String registry;

    @Option(names = "--executor", paramLabel = "URL", scope = ScopeType.INHERIT, split = ",",
            description = "An executor, repeatable (default: $OCPHA_EXECUTOR_URLS, else http://localhost:8082).")
    private List<String> executors;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A file holding the API token (default: $OCPHA_TOKEN).")
    private Path tokenFile;

    /** Present only to refuse a token given as an argument without echoing it. */
    @Option(names = "--token", arity = "0..1", hidden = true, scope = ScopeType.INHERIT)
    private String tokenArgument;

    private final Map<String, String> env;
    private final boolean terminal;
    private final Duration reconnectDelay;
    private OcphaClient client;

    public Ocpha(Map<String, String> env, boolean terminal, Duration reconnectDelay) {
        this.env = env;
        this.terminal = terminal;
        this.reconnectDelay = reconnectDelay;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Ocpha(System.getenv(), System.console() != null, Duration.ofSeconds(1)))
                .execute(args));
    }

    /** The command line with the CLI's exit codes for a refused request (3) and a failed or absent service (4). */
    public static CommandLine commandLine(Ocpha ocpha) {
        CommandLine commandLine = new CommandLine(ocpha);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("ocpha: " + e.getMessage() + ocpha.hint(e));
            cl.getErr().flush();
            return exitCode(e);
        });
        return commandLine;
    }

    public static int exitCode(Exception e) {
        if (e instanceof ApiException api) {
            return api.status() < 500 ? REFUSED : SERVICE_FAILED;
        }
        return SERVICE_FAILED;
    }

    public Endpoints endpoints() {
        try {
            return Endpoints.resolve(planner, checker, registry, executors, env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    public OcphaClient client() {
        if (client == null) {
            client = new OcphaClient(token());
        }
        return client;
    }

    public boolean terminal() {
        return terminal;
    }

    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    private String token() {
        if (tokenArgument != null) {
            throw new ParameterException(spec.commandLine(), "--token is not accepted: a token in the arguments "
                    + "shows in ps; use --token-file FILE or OCPHA_TOKEN");
        }
        if (tokenFile != null) {
            try {
                String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                if (token.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "--token-file " + tokenFile + " is empty");
                }
                return token;
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --token-file " + tokenFile + ": "
                        + e.getMessage());
            }
        }
        String token = env.get("OCPHA_TOKEN");
        return token == null || token.isBlank() ? null : token.strip();
    }

    private String hint(Exception e) {
        if (e instanceof ApiException api && api.status() == 401) {
            return client != null && client.hasToken()
                    ? "\n  (tokens are per service: is this one valid for " + api.service().name() + "?)"
                    : "\n  (no token given: use --token-file FILE or OCPHA_TOKEN; docs/security.md)";
        }
        if (e instanceof UncheckedIOException) {
            return "\n  (is the URL that of the service named?)";
        }
        return "";
    }
}
