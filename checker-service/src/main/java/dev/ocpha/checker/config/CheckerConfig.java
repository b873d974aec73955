package dev.ocpha.checker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ocpha.checker")
public interface CheckerConfig {

    /** Hosts probed at once; keep it under sshd's MaxStartups (10) so no handshake is dropped. */
    @WithDefault("8")
    int concurrency();

    /** The whole inspection of one host: connect, the probe script, the clock reads. */
    @WithDefault("60s")
    Duration hostTimeout();

    /** Pairwise clock skew limit (ADR 0001: OCP's ocp.host.check.clock-diff.max-diff). */
    @WithDefault("50")
    double clockSkewLimitMs();

    Verification verification();

    interface Verification {
        /** The OCP container's name on each node (INSTALL_OCP's {@code container}). */
        @WithDefault("ocp")
        String container();

        /** OCP-Server's HTTP port on each node. */
        @WithDefault("8080")
        int httpPort();

        /** The meta tenant user, {@code {metaDbCluster}} replaced by the cluster's MetaDB cluster name. */
        @WithDefault("meta_user@ocp_meta#{metaDbCluster}")
        String metaUser();

        @WithDefault("meta_database")
        String metaDatabase();

        /** Largest accepted skew of a node's /api/v2/time against the checker's clock, round trip compensated. */
        @WithDefault("50")
        double timeSkewLimitMs();

        @WithDefault("10s")
        Duration httpTimeout();
    }
}
