package dev.ocpha.checker.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /checks}: an inventory to precheck on its own. A topology body is accepted as well: its
 * {@code sizingProfile} and {@code hosts} are read and the rest is ignored. Roles default to all four; a host
 * without a requirement is held to the profile's defaults for its roles.
 */
public record CheckRequest(@NotEmpty(message = "must list at least one host") @Valid List<Host> hosts,
                           @Valid List<Cluster> clusters,
                           @JsonAlias("sizingProfile") String profile,
                           Boolean strict,
                           Boolean autoFix) {

    public record Host(@NotBlank String name,
                       @NotBlank String address,
                       @Min(1) @Max(65535) Integer sshPort,
                       String user,
                       @NotBlank(message = "must name a configured credential") String credentialRef,
                       List<String> roles,
                       String cluster,
                       @Valid Requirement requirement) {
    }

    /** Any field left out comes from the profile's defaults for the host's roles. */
    public record Requirement(@Min(0) Integer cpuCores, @Min(0) Integer memoryGb,
                              Map<String, Integer> freeDiskGbByPath, List<Integer> ports) {
    }

    /** For multi-cluster: each cluster's MetaDB address, which the other clusters' OCP nodes must reach. */
    public record Cluster(@NotBlank String name, String role, String metaDbAddress, String metaDbClusterName) {
    }
}
