package dev.ocpha.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "ocpha.planner")
public interface PlannerConfig {

    /** How often an open events stream looks for new progress. */
    @WithDefault("500ms")
    Duration eventsPollInterval();

    Webhooks webhooks();

    /** Delivery of events to webhook subscriptions. */
    interface Webhooks {
        /** Wait before the second attempt; each further wait doubles, up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** Attempts before a delivery is FAILED. */
        @WithDefault("10")
        int maxAttempts();

        /** How long one POST may take, connecting included. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** How often the sender looks for due deliveries. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries one sender claims and sends at once. */
        @WithDefault("20")
        int batchSize();

        /** Subscriptions may name http:// URLs too; without it, https only. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Networks (CIDRs) webhooks may reach although they are in a refused range: loopback, link-local, private,
         * unique local, CGNAT, cloud metadata.
         */
        Optional<List<String>> allowedCidrs();
    }
}
