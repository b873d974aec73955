package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.lab.standins.Getopt;
import dev.ocpha.lab.standins.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What observer and obproxy do alike with their command line before they daemonize: refuse to run outside their
 * package, echo it on stderr, answer {@code -h} and {@code -V}, refuse {@code -N}, read port
 * numbers, and keep the parameters of the first start in their {@code etc/} so that a restart needs fewer
 * (observer's {@code etc/observer.config.bin}, obproxy's {@code etc/obproxy_config.bin}; the lab writes JSON there).
 */
final class DaemonCommandLine {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DaemonCommandLine() {
    }

    /** How the program was invoked ({@code bin/observer}, {@code /home/admin/oceanbase/bin/observer}): its package tells. */
    static String program(ToolCall c, String name) {
        return c.env().getOrDefault("LAB_PROGRAM", name);
    }

    /** The whole command line, as the program prints it first and as {@code ps} shows its process. */
    static String commandLine(String program, List<String> args) {
        return args.isEmpty() ? program : program + " " + String.join(" ", args);
    }

    static int port(String value) throws StartRefused {
        if (!value.matches("-?\\d{1,18}")) {
            throw new StartRefused("need port number: " + value);
        }
        long port = Long.parseLong(value);
        if (port <= 1024 || port >= 65536) {
            throw new StartRefused("port number should greater than 1024 and less than 65536: " + port);
        }
        return (int) port;
    }

    static <T> T saved(Path file, Class<T> type) throws IOException {
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), type) : null;
    }

    static void save(Path file, Object config) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
    }

    /**
     * A daemon's front end: {@code name} ({@code observer}), the environment variable its package's program sets to
     * its version, where the package installs it (for the refusal), its options, how it echoes one, its version
     * text for a version, its help.
     */
    record Front(String name, String versionVariable, String installedAs, List<Getopt.Option> options,
                 Function<Getopt.Given, String> echo, Function<String, String> versionText, Supplier<String> help) {
    }

    /** The start once the options are read: returns the exit status. */
    interface Start {
        int start(String program, String version, List<Getopt.Given> given) throws StartRefused, IOException;
    }

    /** Runs the daemon's command line: the checks every front does, then {@code start}. */
    static int run(ToolCall c, Front front, Start start) throws IOException {
        String version = c.env().get(front.versionVariable());
        String program = program(c, front.name());
        if (version == null) {
            return c.fail(127, program + ": run it as the " + front.installedAs());
        }
        c.err(commandLine(program, c.args()) + "\n");
        try {
            List<Getopt.Given> given = Getopt.parse(program, front.options(), c.args());
            for (Getopt.Given g : given) {
                c.err(front.echo().apply(g) + "\n");
                switch (g.option().letter()) {
                    case 'h' -> {
                        return c.fail(1, front.help().get());
                    }
                    case 'V' -> {
                        c.err(front.versionText().apply(version));
                        return 0;
                    }
                    case 'N' -> throw new StartRefused("[ERROR] -N: the lab runs " + front.name() + " as a daemon only");
                    default -> {
                    }
                }
            }
            return start.start(program, version, given);
        } catch (Getopt.Invalid e) {
            return c.fail(1, e.getMessage() + "\n" + front.help().get());
        } catch (StartRefused e) {
            return c.fail(1, e.getMessage());
        }
    }
}
