package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.lab.standins.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What observer and obproxy do alike with their command line before they daemonize: echo it on stderr, read port
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
}
