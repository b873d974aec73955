package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.HostAccess;

/**
 * The standby cluster is installed and the primary is active: register the standby to the primary's MetaDB
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/200.register-an-ocp-cluster.md).
 * The executor runs it on {@code standbyHost} as step {@link dev.ocpha.contracts.StepKinds#registerStandbyStepId}, as
 * attempt {@code attempt} (1, or more when a deployment whose registration failed is retried), with the deployment's
 * {@code installerProfile}. Passwords are references: {@code metaPasswordRef} the primary's meta tenant user,
 * {@code adminPasswordRef} the standby OCP's admin (for its {@code /api/status}).
 */
public record StandbyRegistrationRequested(String deploymentId, String standbyCluster, String primaryCluster,
                                           String primaryMetaDbAddress, String primaryMetaDbUser,
                                           String primaryMetaDbDatabase, String metaPasswordRef,
                                           String standbyHost, HostAccess standbyAccess, String container,
                                           int attempt, String installerProfile, String adminPasswordRef)
        implements TopologyEvent {
}
