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
 */
public class LabFleetResource implements QuarkusTestResourceLifecycleManager {

    public static final String CREDENTIAL = "lab";
    private static LabFleet fleet;

    public static synchronized LabFleet fleet() {
        if (fleet == null) {
            try {
                fleet = LabFleet.start(Files.createTempDirectory("ocpha-lab"), 3);
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
