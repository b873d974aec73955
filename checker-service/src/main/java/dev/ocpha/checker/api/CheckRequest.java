package dev.ocpha.checker.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.ocpha.contracts.model.HostAccess;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /checks}: an inventory to precheck on its own. A topology body is accepted as well: its
 * {@code sizingProfile} and {@code hosts} are read and the rest is ignored. Hosts are validated with the event's
 * rules ({@code InventoryValidator}), all errors at once, each naming its field. Roles default to all four; a host
 * without a requirement is held to the profile's defaults for its roles. Hosts outside the deployments the checker
 * knows are refused (422) unless {@code outsideKnownDeployments} is true.
 */
public record CheckRequest(List<Host> hosts,
                           List<Cluster> clusters,
                           @JsonAlias("sizingProfile") String profile,
                           Boolean strict,
                           Boolean autoFix,
                           Boolean outsideKnownDeployments) {

    /** Flat ({@code address, sshPort, user, credentialRef}) or as in a plan ({@code access: {…}}). */
    public record Host(String name,
                       String address,
                       Integer sshPort,
                       String user,
                       String credentialRef,
                       HostAccess access,
                       List<String> roles,
                       String cluster,
                       Requirement requirement) {
    }

    /** Any field left out comes from the profile's defaults for the host's roles. */
    public record Requirement(Integer cpuCores, Integer memoryGb,
                              Map<String, Integer> freeDiskGbByPath, List<Integer> ports) {
    }

    /** For multi-cluster: each cluster's MetaDB address, which the other clusters' OCP nodes must reach. */
    public record Cluster(String name, String role, String metaDbAddress, String metaDbClusterName) {
    }
}
