package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.cli.Ocpha;
import dev.ocpha.devstack.LabTopology;
import dev.ocpha.devstack.ServiceProcess;
import dev.ocpha.lab.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The operator's CLI against the real services: an admin gives an operator a token on every service, and the operator
 * applies a topology, watches it to the end and displays the registry's view with it.
 */
class OcphaCliTest {

    @TempDir
    static Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run ocpha(Path tokenFile, String... args) {
        E2eSystem system = E2eSystem.get();
        List<String> argv = new ArrayList<>(List.of("--planner", system.stack.planner().url(),
                "--checker", system.stack.checker().url(), "--registry", system.stack.registry().url(),
                "--token-file", tokenFile.toString()));
        for (ServiceProcess executor : system.stack.executors()) {
            argv.addAll(List.of("--executor", executor.url()));
        }
        argv.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ocpha.commandLine(new Ocpha(Map.of(), false, Duration.ofMillis(200)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(argv.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anOperatorWithTheCli_getsTokensFromAnAdmin_appliesWatchesAndDisplaysADeployment() throws IOException {
        E2eSystem system = E2eSystem.get();
        Path admin = Files.writeString(dir.resolve("admin"), system.token + "\n");
        Run created = ocpha(admin, "token", "create", "--name", "cli-operator", "--role", "operator");
        assertEquals(0, created.exit(), created.err());
        assertFalse(created.out().contains(system.token), "the admin's own token was printed");
        String plannerToken = created.out().lines().filter(line -> line.startsWith("planner"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
        assertTrue(plannerToken.startsWith("ocpha_"), created.out());
        // planner, checker, registry, and the executors' one shared store
        assertEquals(4, created.out().lines().filter(line -> line.contains(" cli-operator ")).count(), created.out());

        // the planner's value is the planner's only: the operator works with the planner and reads nothing elsewhere
        Path operator = Files.writeString(dir.resolve("operator"), plannerToken);
        LabHost host = system.hosts(1).get(0);
        Path topology = Files.writeString(dir.resolve("cli.yaml"),
                LabTopology.named("cli", "SINGLE_NODE").host(host, null, "region-1", "idc-1").toYaml());
        Run applied = ocpha(operator, "apply", "-f", topology.toString());
        assertEquals(0, applied.exit(), applied.err());
        String id = applied.out().split("\\s+")[1];
        Run watched = ocpha(operator, "watch", id);
        assertEquals(0, watched.exit(), watched.out() + watched.err());
        assertTrue(watched.out().contains("SUCCEEDED"), watched.out());
        assertFalse(watched.out().contains(plannerToken), "the operator's token was printed");

        Run refused = ocpha(operator, "display", id);
        assertEquals(3, refused.exit(), "the planner's token is not the registry's: " + refused.out());
        Run displayed = ocpha(admin, "display", id);
        assertEquals(0, displayed.exit(), displayed.err());
        assertTrue(displayed.out().contains("ACTIVE"), displayed.out());

        Run revoked = ocpha(admin, "token", "revoke", "cli-operator");
        assertEquals(0, revoked.exit(), revoked.err());
        assertEquals(3, ocpha(operator, "status", id).exit(), "a revoked token still works");
    }
}
