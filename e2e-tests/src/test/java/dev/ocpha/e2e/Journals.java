package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.installer.Edition;
import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.lab.JournalEntry;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabMedia;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the lab's stand-ins recorded on a host, as command lines, and the order the seed's procedure asks for. */
final class Journals {

    /** Installation media → MetaDB → OCP → healthy, as every host that runs everything goes through it. */
    static final List<String> HOST_ORDER = List.of("docker load -i", "observer -I ",
            "docker run -d --name ocp", "GET /api/status => 200");

    private Journals() {
    }

    static List<String> lines(LabHost host) {
        return host.journal().stream().map(Journals::line).toList();
    }

    /** A call as its command line, exit status and result (a SQL client's statements travel on standard input). */
    static String line(JournalEntry e) {
        return e.commandLine() + " => " + e.exitStatus() + " " + e.result();
    }

    static long count(LabHost host, String fragment) {
        return lines(host).stream().filter(line -> line.contains(fragment)).count();
    }

    /** How often {@code tool} ran with {@code firstArgument} (a stand-in called through {@code docker exec} is one call). */
    static long calls(LabHost host, String tool, String firstArgument) {
        return host.journal().stream()
                .filter(e -> e.tool().equals(tool) && !e.argv().isEmpty() && e.argv().get(0).equals(firstArgument))
                .count();
    }

    /** When the first call containing {@code fragment} happened on the host. */
    static Instant first(LabHost host, String fragment) {
        return host.journal().stream().filter(e -> line(e).contains(fragment))
                .map(JournalEntry::time).findFirst()
                .orElseThrow(() -> new AssertionError("'" + fragment + "' is not in the journal of " + host.name()
                        + ": " + lines(host)));
    }

    static Instant last(LabHost host, String fragment) {
        return host.journal().stream().filter(e -> line(e).contains(fragment))
                .map(JournalEntry::time).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("'" + fragment + "' is not in the journal of " + host.name()));
    }

    /** The first call of each fragment comes after the first call of the one before it. */
    static void assertInOrder(LabHost host, List<String> fragments) {
        List<String> lines = lines(host);
        List<Integer> positions = new ArrayList<>();
        for (String fragment : fragments) {
            int index = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    index = i;
                    break;
                }
            }
            assertTrue(index >= 0, "'" + fragment + "' is not in the journal of " + host.name() + ": " + lines);
            positions.add(index);
        }
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i - 1) < positions.get(i), host.name() + " ran " + fragments.get(i) + " before "
                    + fragments.get(i - 1) + ": " + lines);
        }
    }

    static void assertBefore(Instant earlier, Instant later, String what) {
        assertTrue(!earlier.isAfter(later), what + ": " + earlier + " is after " + later);
    }

    /**
     * Every call of a vendor tool and every request to OCP on {@code hosts} is an action of the shipped installer
     * profile of {@code edition} (a command, SQL or HTTP call no profile lists would be invented).
     */
    static void assertConformToProfile(List<LabHost> hosts, Edition edition) {
        InstallerProfile profile = InstallerProfiles.load(Optional.empty()).forEdition(edition, LabMedia.OCP.version());
        for (LabHost host : hosts) {
            List<String> unaccounted = ProfileConformance.unaccounted(profile, host.journal());
            assertTrue(unaccounted.isEmpty(), host.name() + " received calls that " + profile.id() + " does not list: "
                    + unaccounted);
        }
    }
}
