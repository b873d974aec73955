package dev.ocpha.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocpha.contracts.installer.Edition;
import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.lab.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileConformanceTest {

    private static final InstallerProfile ENTERPRISE = InstallerProfiles.load(Optional.empty())
            .forEdition(Edition.ENTERPRISE, "4.2.2");

    @Test
    void callsThatFollowATemplate_areAccounted_andAnInventedOneIsNamed() {
        List<JournalEntry> journal = List.of(
                entry("docker", "load", "-i", "/home/admin/media/ocp.tar"),
                entry("docker", "exec", "-i", "ocp", "bash", "-c", "cd /home/admin/ocp-server/bin && ./ocp-bootstrap -i"),
                entry("ocp-bootstrap", "-i"),
                entry("ocp-http", "GET", "/api/status?includeUnavailableComponent=true"),
                entry("sysctl", "-w", "vm.swappiness=0"),
                entry("ocp-bootstrap", "registerMc", "10.0.0.1", "2881"),
                entry("ocp-http", "PUT", "/api/v2/config/systemParameters"));
        assertEquals(List.of("ocp-bootstrap registerMc 10.0.0.1 2881", "ocp-http PUT /api/v2/config/systemParameters"),
                ProfileConformance.unaccounted(ENTERPRISE, journal));
    }

    private static JournalEntry entry(String tool, String... argv) {
        return new JournalEntry(Instant.EPOCH, tool, List.of(argv), 0, "");
    }
}
