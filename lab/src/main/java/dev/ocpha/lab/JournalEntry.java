package dev.ocpha.lab;

import java.time.Instant;
import java.util.List;

/**
 * One call a stand-in answered on a host: a tool run ({@code docker}, {@code sysctl}, …; {@code argv} without the tool
 * name) or a request to a stand-in server ({@code tool} {@code ocp-http}, argv method and path). Secrets are redacted
 * before an entry exists. {@code exitStatus} is the tool's exit status, the HTTP status, or -1 for a call that never
 * returned (the hang fault).
 */
public record JournalEntry(Instant time, String tool, List<String> argv, int exitStatus, String result) {

    /** The call as a command line, e.g. {@code docker run -d --name ocp …}. */
    public String commandLine() {
        return argv.isEmpty() ? tool : tool + " " + String.join(" ", argv);
    }
}
