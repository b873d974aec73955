package dev.ocpha.cli.command;

import dev.ocpha.cli.Ocpha;
import dev.ocpha.cli.client.Api;
import dev.ocpha.cli.client.ApiException;
import dev.ocpha.cli.client.Service;
import dev.ocpha.cli.client.ServiceUnreachableException;
import dev.ocpha.cli.render.Table;
import dev.ocpha.cli.render.Times;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * API tokens (admin, docs/security.md). Each service keeps its own tokens, so every subcommand acts on every
 * configured service unless {@code --service} names one; a service that refuses or cannot be reached is reported
 * on stderr and the others still get the action.
 */
@Command(name = "token", description = "Create, list, rotate and revoke API tokens on every service.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Rotate.class,
                TokenCommand.Revoke.class})
public final class TokenCommand {

    public enum Role { VIEWER, OPERATOR, ADMIN }

    abstract static class PerService extends OcphaCommand {

        @Option(names = "--service", paramLabel = "NAME",
                description = "Only this service: planner, checker, registry, executor or executor-N (the executors "
                        + "share one database, so one of them holds the tokens of all).")
        String service;

        private int exitCode;

        List<Service> services() {
            try {
                return endpoints().tokenStores(service);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** {@code call} on one service; its error printed and remembered, so the next service still runs. */
        <T> Optional<T> on(Service target, ServiceCall<T> call) {
            try {
                return Optional.ofNullable(call.on(target));
            } catch (ApiException | ServiceUnreachableException | UncheckedIOException e) {
                err().println("ocpha: " + e.getMessage());
                exitCode = Math.max(exitCode, Ocpha.exitCode(e));
                return Optional.empty();
            }
        }

        int exitCode() {
            err().flush();
            return exitCode;
        }

        /** The token {@code idOrName} names on {@code target}: by id, else by name. */
        Optional<Api.Token> find(Service target, String idOrName) {
            return on(target, s -> {
                List<Api.Token> tokens = List.of(client().get(s, "/tokens", Api.Token[].class));
                return tokens.stream().filter(t -> t.id().equals(idOrName)).findFirst()
                        .or(() -> tokens.stream().filter(t -> t.name().equals(idOrName)).findFirst())
                        .orElse(null);
            });
        }

        void printIssued(List<Row> issued) {
            if (issued.isEmpty()) {
                return;
            }
            Table table = new Table("SERVICE", "ID", "NAME", "ROLE", "TOKEN");
            issued.forEach(r -> table.row(r.service(), r.token().id(), r.token().name(), r.token().role(),
                    r.token().token()));
            out().print(table.render());
            out().println("Each value is shown only now; the services keep only its hash. Tokens are per service: "
                    + "give each service its own.");
        }
    }

    @FunctionalInterface
    interface ServiceCall<T> {
        T on(Service service);
    }

    record Row(String service, Api.IssuedToken token) {
    }

    @Command(name = "create", description = "Create a token with the same name and role on every service.")
    static final class Create extends PerService {

        @Option(names = "--name", required = true, description = "Lower-case letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--role", required = true, description = "viewer, operator or admin.")
        Role role;

        @Override
        public Integer call() {
            List<Row> issued = new ArrayList<>();
            Api.TokenRequest request = new Api.TokenRequest(name, role.name().toLowerCase(Locale.ROOT));
            for (Service target : services()) {
                on(target, s -> client().post(s, "/tokens", request, Api.IssuedToken.class))
                        .ifPresent(t -> issued.add(new Row(target.name(), t)));
            }
            printIssued(issued);
            return exitCode();
        }
    }

    @Command(name = "list", description = "List every service's tokens (names and roles, never values).")
    static final class ListTokens extends PerService {

        @Override
        public Integer call() {
            Table table = new Table("SERVICE", "ID", "NAME", "ROLE", "CREATED", "BY", "ROTATED");
            for (Service target : services()) {
                on(target, s -> client().get(s, "/tokens", Api.Token[].class)).ifPresent(tokens -> {
                    for (Api.Token t : tokens) {
                        table.row(target.name(), t.id(), t.name(), t.role(), Times.utc(t.createdAt()), t.createdBy(),
                                Times.utc(t.rotatedAt()));
                    }
                });
            }
            out().print(table.render());
            return exitCode();
        }
    }

    @Command(name = "rotate", description = "Give a token a new value on every service that has it; the old "
            + "value stops working at once.")
    static final class Rotate extends PerService {

        @Parameters(paramLabel = "ID|NAME", description = "The token's id (from `ocpha token list`) or its name.")
        String token;

        @Override
        public Integer call() {
            List<Row> issued = new ArrayList<>();
            List<String> without = new ArrayList<>();
            for (Service target : services()) {
                Optional<Api.Token> found = find(target, token);
                if (found.isEmpty()) {
                    without.add(target.name());
                    continue;
                }
                on(target, s -> client().post(s, "/tokens/" + segment(found.get().id()) + "/rotate", null,
                        Api.IssuedToken.class)).ifPresent(t -> issued.add(new Row(target.name(), t)));
            }
            printIssued(issued);
            return notFound(issued.isEmpty(), without);
        }

        private int notFound(boolean none, List<String> without) {
            int code = exitCode();
            if (none && code == 0) {
                err().println("ocpha: no token " + token + " on " + String.join(", ", without));
                err().flush();
                return Ocpha.REFUSED;
            }
            return code;
        }
    }

    @Command(name = "revoke", description = "Revoke a token on every service that has it.")
    static final class Revoke extends PerService {

        @Parameters(paramLabel = "ID|NAME", description = "The token's id (from `ocpha token list`) or its name.")
        String token;

        @Override
        public Integer call() {
            Table table = new Table("SERVICE", "ID", "NAME", "ROLE", "RESULT");
            List<String> without = new ArrayList<>();
            for (Service target : services()) {
                Optional<Api.Token> found = find(target, token);
                if (found.isEmpty()) {
                    without.add(target.name());
                    continue;
                }
                Api.Token t = found.get();
                on(target, s -> client().delete(s, "/tokens/" + segment(t.id()), Void.class).isEmpty())
                        .ifPresent(ok -> table.row(target.name(), t.id(), t.name(), t.role(), "revoked"));
            }
            int code = exitCode();
            if (table.isEmpty()) {
                if (code == 0) {
                    err().println("ocpha: no token " + token + " on " + String.join(", ", without));
                    err().flush();
                    return Ocpha.REFUSED;
                }
                return code;
            }
            out().print(table.render());
            return code;
        }
    }
}
