package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.HostAccess;

/** The standby cluster is installed and the primary is active: register the standby to the primary. */
public record StandbyRegistrationRequested(String deploymentId, String standbyCluster, String primaryCluster,
                                           String primaryMetaDbAddress, String standbyHost, HostAccess standbyAccess)
        implements TopologyEvent {
}
