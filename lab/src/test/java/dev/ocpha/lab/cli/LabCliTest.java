package dev.ocpha.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabTopologies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCliTest {
    @TempDir
    Path dir;

    @Test
    void faultCommandsReachTheRunningFleet_onlyWithItsToken() throws Exception {
        try (LabFleet fleet = LabFleet.builder(dir).hosts(2).sshPort(0).start()) {
            HttpServer control = LabCli.control(fleet, dir);
            try {
                assertEquals(0, LabCli.send(dir, "/fault", Map.of("host", "host-2", "fault", "down", "args", "")));
                assertFalse(fleet.host(1).isUp());
                assertEquals(1, LabCli.send(dir, "/fault", Map.of("host", "host-2", "fault", "slow", "args", "soon")));
                assertEquals(0, LabCli.send(dir, "/fault", Map.of("host", "host-2", "fault", "up", "args", "")));
                assertTrue(fleet.host(1).isUp());
                Files.writeString(dir.resolve(LabCli.CONTROL_FILE), Files.readString(dir.resolve(LabCli.CONTROL_FILE))
                        .replaceAll("token=.*", "token=forged"));
                assertEquals(1, LabCli.send(dir, "/fault", Map.of("host", "host-2", "fault", "down", "args", "")));
                assertTrue(fleet.host(1).isUp());
            } finally {
                control.stop(0);
            }
        }
        assertEquals(2, LabCli.send(dir.resolve("elsewhere"), "/down", Map.of()));
    }

    @Test
    void upWritesServiceSettingsWithPasswordsThatMeetOcpsRule_andTopologiesForEveryMode() throws Exception {
        try (LabFleet fleet = LabFleet.builder(dir).hosts(9).azs(3).idcs(6).regions(3).sshPort(0).start()) {
            Path file = LabCli.writeServiceProperties(fleet, dir.resolve("media"));
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            assertEquals(fleet.knownHosts().toString(), p.getProperty("ocpha.ssh.known-hosts"));
            assertEquals(fleet.clientPrivateKey().toString(), p.getProperty("ocpha.ssh.credentials.lab"));
            for (String ref : LabTopologies.SECRET_REFS.values()) {
                String password = p.getProperty("ocpha.secrets.\"" + ref + "\"");
                assertEquals(null, dev.ocpha.lab.ocp.PasswordRule.problem(password), ref);
            }
            String first = Files.readString(file);
            LabCli.writeServiceProperties(fleet, dir.resolve("media"));
            assertEquals(first, Files.readString(file), "a restarted fleet keeps its passwords");

            List<Path> topologies = LabTopologies.write(fleet, dir.resolve("topologies"));
            assertEquals(List.of("single-node.yaml", "multi-node.yaml", "multi-cluster.yaml", "multi-az.yaml",
                    "multi-cluster-multi-az.yaml"), topologies.stream().map(t -> t.getFileName().toString()).toList());
            String multiAz = Files.readString(dir.resolve("topologies/multi-az.yaml"));
            assertTrue(multiAz.contains("mode: MULTI_AZ"), multiAz);
            assertTrue(multiAz.contains("metaDbProxy: " + fleet.host(0).address() + ":2883"), multiAz);
            String both = Files.readString(dir.resolve("topologies/multi-cluster-multi-az.yaml"));
            assertTrue(both.contains("mode:\n- MULTI_CLUSTER\n- MULTI_AZ"), both);
            assertTrue(both.contains("role: STANDBY"), both);
        }
    }
}
