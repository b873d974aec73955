package dev.ocpha.executor;

import dev.ocpha.lab.LabFleet;
import dev.ocpha.lab.LabMedia;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A lab fleet of its own for the executor's tests (free SSH ports, so parallel runs never collide), the service's
 * SSH credential pointed at it, and no known_hosts file: host keys are pinned at first contact, as in production
 * without one. Also the test secrets, a media directory and short leases, tries and progress intervals.
 */
public class ExecutorLabResource implements QuarkusTestResourceLifecycleManager {

    public static final String CREDENTIAL = "lab";
    public static final String ADMIN_PASSWORD_REF = "ocp-admin";
    public static final String ADMIN_PASSWORD = "Adm1n#Secret-pw";
    public static final String ROOT_PASSWORD_REF = "metadb-root";
    public static final String PROXYRO_PASSWORD_REF = "metadb-proxyro";
    public static final String ROOT_PASSWORD = "R00t#Secret-pw";
    public static final String META_PASSWORD_REF = "ocp-meta";
    public static final String MONITOR_PASSWORD_REF = "ocp-monitor";
    private static LabFleet fleet;
    private static Path media;
    private static int ocpHttpPort;

    public static synchronized LabFleet fleet() {
        if (fleet == null) {
            try {
                Path dir = Files.createTempDirectory("ocpha-executor-lab");
                fleet = LabFleet.start(dir.resolve("fleet"), 7, 0);
                media = Files.createDirectories(dir.resolve("media"));
                LabMedia.generate(media);
                try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                    ocpHttpPort = socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = media.getParent();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.close();
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    // a temp dir: the OS cleans what is left
                }
            }, "executor-lab-shutdown"));
        }
        return fleet;
    }

    public static synchronized Path mediaDir() {
        fleet();
        return media;
    }

    /** Where the tests' stand-in OCP of an AZ node listens (AzAssigned carries no port). */
    public static synchronized int ocpHttpPort() {
        fleet();
        return ocpHttpPort;
    }

    /** Settings of an executor pointed at this fleet (also used for the executors started as processes). */
    public static Map<String, String> settings() {
        LabFleet lab = fleet();
        Map<String, String> settings = new HashMap<>();
        settings.put("ocpha.ssh.credentials." + CREDENTIAL, lab.clientPrivateKey().toString());
        settings.put("ocpha.secrets.\"" + ADMIN_PASSWORD_REF + "\"", ADMIN_PASSWORD);
        settings.put("ocpha.secrets.\"" + ROOT_PASSWORD_REF + "\"", ROOT_PASSWORD);
        settings.put("ocpha.secrets.\"" + PROXYRO_PASSWORD_REF + "\"", "Pr0xyro#Secret-pw");
        settings.put("ocpha.secrets.\"" + META_PASSWORD_REF + "\"", "Meta#Secret-pw1");
        settings.put("ocpha.secrets.\"" + MONITOR_PASSWORD_REF + "\"", "Mon1tor#Secret-pw");
        settings.put("ocpha.executor.media-dir", mediaDir().toString());
        settings.put("ocpha.executor.retry.initial-backoff", "200ms");
        settings.put("ocpha.executor.lease.duration", "4s");
        settings.put("ocpha.executor.lease.heartbeat", "1s");
        settings.put("ocpha.executor.lease.poll-interval", "500ms");
        settings.put("ocpha.executor.progress.interval", "100ms");
        settings.put("ocpha.executor.registry-steps.ocp-http-port", String.valueOf(ocpHttpPort()));
        return settings;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = settings();
        settings.put("ocpha.executor.id", "executor-test");
        return settings;
    }

    @Override
    public void stop() {
    }
}
