package dev.ocpha.e2e;

import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.installer.ProfileAction;
import dev.ocpha.lab.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether what the lab's vendor stand-ins received is what the installer profile lists: every call of a vendor tool
 * (docker, rpm, observer, obproxy, obclient, ocp-bootstrap) and every request to OCP must match a {@code run} or
 * {@code http} template of the profile, a placeholder standing for any text.
 */
final class ProfileConformance {

    /** The tools whose calls the profile must account for; OS tools (sysctl, useradd …) are the checker's. */
    static final Set<String> VENDOR_TOOLS = Set.of("docker", "rpm", "observer", "obproxy", "obclient", "ocp-bootstrap",
            "ocp-http");

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{[a-z][A-Za-z0-9]*\\}");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:&&|;|\\||')\\s*");

    private ProfileConformance() {
    }

    /** The vendor calls in {@code journal} that no action of {@code profile} accounts for, as command lines. */
    static List<String> unaccounted(InstallerProfile profile, List<JournalEntry> journal) {
        List<Pattern> patterns = patterns(profile);
        List<String> unaccounted = new ArrayList<>();
        for (JournalEntry entry : journal) {
            if (!VENDOR_TOOLS.contains(entry.tool()) || operatorInTheConsole(entry)) {
                continue;
            }
            String line = entry.tool().equals("ocp-http") ? withoutQuery(String.join(" ", entry.argv()))
                    : entry.commandLine();
            if (patterns.stream().noneMatch(p -> p.matcher(line).matches())) {
                unaccounted.add(entry.commandLine());
            }
        }
        return unaccounted;
    }

    /**
     * Each run template as a whole (shell quotes dropped, as the called program's argv shows them), and each command
     * in it ({@code a && b}, {@code bash -c '…'}), its program named by its last path part, as the journal names it.
     */
    static List<Pattern> patterns(InstallerProfile profile) {
        List<Pattern> patterns = new ArrayList<>();
        for (ProfileAction action : profile.actions().values()) {
            if (action.type() == ActionType.HTTP) {
                patterns.add(pattern(action.template()));
            } else if (action.type() == ActionType.RUN) {
                patterns.add(pattern(action.template().replace("'", "").replace("\"", "")));
                for (String command : SEPARATORS.split(action.template())) {
                    String named = programByName(command.strip());
                    // a piece that is only placeholders ({container} after a quoted argument) names no program
                    if (PLACEHOLDER.matcher(named).replaceAll("").matches(".*[A-Za-z].*")) {
                        patterns.add(pattern(named));
                    }
                }
            }
        }
        return patterns;
    }

    private static String programByName(String command) {
        int space = command.indexOf(' ');
        String program = space < 0 ? command : command.substring(0, space);
        String rest = space < 0 ? "" : command.substring(space);
        return program.substring(program.lastIndexOf('/') + 1) + rest;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start()))).append(".+?");
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * The lab's console paths, and what the operator's OAT did on a host, are the operator's hands (the tests play the
     * operator there), not the deployer's calls.
     */
    private static boolean operatorInTheConsole(JournalEntry entry) {
        return entry.tool().equals("oat")
                || entry.tool().equals("ocp-http") && entry.argv().size() > 1 && entry.argv().get(1).startsWith("/lab/console/");
    }

    private static String withoutQuery(String request) {
        int query = request.indexOf('?');
        return query < 0 ? request : request.substring(0, query);
    }
}
