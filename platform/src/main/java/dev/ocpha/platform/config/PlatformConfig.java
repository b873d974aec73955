package dev.ocpha.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "ocpha.platform")
public interface PlatformConfig {

    /** This service's name: the CloudEvents source and the name of its dead-letter topic. */
    String service();

    Outbox outbox();

    Topics topics();

    Outage outage();

    interface Outbox {
        /** Off only in tests that need an outbox row to stay unpublished. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows when no commit woke it. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long a failed publish waits before the next try. */
        @WithDefault("1s")
        Duration retryBackoff();
    }

    interface Outage {
        /** The Retry-After of a 503 while the database is unreachable, and the reconnect delay of an ended stream. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    interface Topics {
        @WithDefault("3")
        int defaultPartitions();

        /** Partition count per topic name, e.g. {@code ocpha.platform.topics.partitions."ocpha.planner.step-commands"=12}. */
        Map<String, Integer> partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
