package dev.ocpha.infra;

import dev.ocpha.lab.LabFleet;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Quarkus test resource: a lab fleet of three SSH hosts for the test JVM, and the service's SSH settings pointed
 * at it (its known_hosts, and its client key as credential reference {@value #CREDENTIAL}).
 * The fleet takes a loopback block no other fleet on the machine holds and gives every host a free SSH port, so
 * parallel test JVMs (other modules, other worktrees, the demo) never collide; OCP containers start after 300 ms.
 */
public class LabFleetResource implements QuarkusTestResourceLifecycleManager {

    public static final String CREDENTIAL = "lab";
    private static LabFleet fleet;

    public static synchronized LabFleet fleet() {
        if (fleet == null) {
            try {
                fleet = LabFleet.builder(Files.createTempDirectory("ocpha-lab")).hosts(3).sshPort(0)
                        .ocpStartDelay(java.time.Duration.ofMillis(300)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "lab-fleet-shutdown"));
        }
        return fleet;
    }

    @Override
    public Map<String, String> start() {
        LabFleet lab = fleet();
        return Map.of(
                "ocpha.ssh.known-hosts", lab.knownHosts().toString(),
                "ocpha.ssh.credentials." + CREDENTIAL, lab.clientPrivateKey().toString());
    }

    @Override
    public void stop() {
    }
}
