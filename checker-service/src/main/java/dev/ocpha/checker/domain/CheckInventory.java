package dev.ocpha.checker.domain;

import dev.ocpha.checker.checks.SizingProfile;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;

/** What one check run looks at: the hosts (with roles and requirements), their clusters, profile and strictness. */
public record CheckInventory(List<PlannedHost> hosts, List<PlannedCluster> clusters, String profile, boolean strict) {

    public CheckInventory {
        clusters = clusters == null ? List.of() : clusters;
    }

    public SizingProfile sizingProfile() {
        return SizingProfile.parse(profile);
    }
}
