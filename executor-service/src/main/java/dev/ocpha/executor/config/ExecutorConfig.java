package dev.ocpha.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of one executor instance; every instance of the group shares the database and the consumer group. */
@ConfigMapping(prefix = "ocpha.executor")
public interface ExecutorConfig {

    /** This instance's name in step events and leases; must differ between live instances. */
    String id();

    /** Steps this instance runs at once (its bounded pool); more accepted steps wait in the table. */
    @WithDefault("16")
    int maxConcurrentSteps();

    /** Where the installation media live: {@code <name>.tar} and {@code <name>.tar.sha256} per medium. */
    Optional<Path> mediaDir();

    Lease lease();

    Retry retry();

    Progress progress();

    RegistrySteps registrySteps();

    interface Lease {
        /** How long a claimed step stays this instance's without a heartbeat; another instance takes it over after. */
        @WithDefault("15s")
        Duration duration();

        @WithDefault("3s")
        Duration heartbeat();

        /** How often an idle instance looks for steps nobody runs (accepted by a busy instance, or orphaned). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Executors that died while running one attempt before it is failed instead of taken over again. */
        @WithDefault("5")
        int maxTakeovers();
    }

    interface Retry {
        /** Wait before the second try; each later wait doubles, up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Progress {
        /** Output is sent at most this often per step, in whole lines. */
        @WithDefault("500ms")
        Duration interval();

        /** Characters of one StepProgressed event; a longer burst keeps its end. */
        @WithDefault("2000")
        int maxChars();

        /** StepProgressed events per attempt; the rest is only in the step run's output tail. */
        @WithDefault("100")
        int maxEvents();
    }

    /** Timeout and tries of the steps the registry asks for (they come without a plan's values). */
    interface RegistrySteps {
        @WithDefault("900")
        int timeoutSeconds();

        @WithDefault("3")
        int maxTries();

        /** OCP's HTTP port on an AZ node ({@code AzAssigned} names the nodes, not the port). */
        @WithDefault("8080")
        int ocpHttpPort();
    }
}
