package dev.ocpha.checker.checks;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.contracts.model.PlannedHost;
import java.util.List;

/**
 * What a check knows about the host it runs on: the planned host (address, roles), the profile, the thresholds it
 * is held to, and the MetaDB endpoints of the other clusters this host must reach.
 */
public record CheckContext(PlannedHost host, SizingProfile profile, HostRequirement thresholds,
                           List<MetaDbEndpoint> remoteMetaDbs) {

    /** The MetaDB of another OCP cluster, {@code host:port} as planned. */
    public record MetaDbEndpoint(String cluster, String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public String name() {
        return host.name();
    }

    public String address() {
        return host.access().address();
    }

    public boolean hasRole(String... roles) {
        for (String role : roles) {
            if (host.roles().contains(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * OBServer hosts (MetaDB or MonitorDB) get OCP's host standardization checks
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md).
     */
    public boolean isObServerHost() {
        return hasRole(HostRoles.METADB, HostRoles.MONITORDB);
    }
}
