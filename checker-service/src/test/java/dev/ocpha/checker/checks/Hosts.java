package dev.ocpha.checker.checks;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;

/** Check contexts for unit tests of the catalog's judgements on captured outputs. */
final class Hosts {

    private Hosts() {
    }

    static CheckContext context(String address, SizingProfile profile, List<String> roles, HostRequirement requirement) {
        PlannedHost host = new PlannedHost("h1", new HostAccess(address, 22, "root", "lab"), "c1", null, null, null,
                roles, requirement);
        return new CheckContext(host, profile, profile.thresholds(roles, requirement), List.of());
    }

    static CheckContext production() {
        return context("10.0.0.5", SizingProfile.PRODUCTION, HostRoles.ALL, null);
    }
}
