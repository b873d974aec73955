package dev.ocpha.planner.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ocpha.contracts.installer.Edition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * The deployment an operator asks for (docs/topology.md is the reference). Every string that reaches a shell
 * command or a path is held to an allow-list pattern here; passwords are secret references, never values.
 */
public record Topology(
        @NotBlank @Size(max = 63) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String name,
        @NotEmpty @Size(max = 2) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<@NotNull DeploymentMode> mode,
        @NotNull @Valid Ocp ocp,
        @NotNull @Min(value = 1, message = "must be at least 1")
        @Max(value = 400, message = "more than 400 managed hosts has not been validated by OCP (OCP 4.2 docs, planning resources: OCP-Server specifications)")
        Integer managedHosts,
        SizingProfile sizingProfile,
        Boolean strict,
        @NotNull @Valid Passwords passwords,
        @Valid MetaDb metaDb,
        @Valid Limits limits,
        @Size(max = 10) List<@NotNull @Valid Cluster> clusters,
        @Size(max = 20) List<@NotNull @Valid Az> azs,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Host> hosts) {

    public static final String PRODUCTION = SizingProfile.PRODUCTION.toString();
    public static final String SANDBOX = SizingProfile.SANDBOX.toString();
    public static final int DEFAULT_MAX_PARALLEL_HOSTS = 10;
    public static final int DEFAULT_STEP_MAX_TRIES = 3;

    @JsonIgnore
    public String profile() {
        return sizingProfile == null ? PRODUCTION : sizingProfile.toString();
    }

    @JsonIgnore
    public boolean sandbox() {
        return sizingProfile == SizingProfile.SANDBOX;
    }

    @JsonIgnore
    public boolean strictOrDefault() {
        return Boolean.TRUE.equals(strict);
    }

    public boolean has(DeploymentMode wanted) {
        return mode != null && mode.contains(wanted);
    }

    @JsonIgnore
    public int maxParallelHosts() {
        return limits == null || limits.maxParallelHosts() == null ? DEFAULT_MAX_PARALLEL_HOSTS
                : limits.maxParallelHosts();
    }

    @JsonIgnore
    public int stepMaxTries() {
        return limits == null || limits.stepMaxTries() == null ? DEFAULT_STEP_MAX_TRIES : limits.stepMaxTries();
    }

    /** The clusters as given, or the one PRIMARY named after the deployment when none is given. */
    @JsonIgnore
    public List<Cluster> effectiveClusters() {
        return clusters == null || clusters.isEmpty() ? List.of(new Cluster(name, ClusterRole.PRIMARY, null, null))
                : clusters;
    }

    @JsonIgnore
    public List<Az> azList() {
        return azs == null ? List.of() : azs;
    }

    /**
     * OCP edition (community when not given), version and the names of its media in the executors' media
     * directory. Edition and version choose the installer profile (docs/installers.md).
     */
    public record Ocp(
            Edition edition,
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.VERSION, message = Patterns.VERSION_MESSAGE)
            String version,
            @NotNull @Valid Media media) {

        @JsonIgnore
        public Edition editionOrDefault() {
            return edition == null ? Edition.DEFAULT : edition;
        }
    }

    public record Media(
            @NotBlank @Size(max = 128) @Pattern(regexp = Patterns.MEDIA, message = Patterns.MEDIA_MESSAGE) String ocp,
            @NotBlank @Size(max = 128) @Pattern(regexp = Patterns.MEDIA, message = Patterns.MEDIA_MESSAGE)
            String metaDb) {
    }

    /**
     * One secret reference per password OCP needs
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/200.deploying-community-ocp/500.deploy-ocp.md), and proxyro's,
     * the MetaDB user OBProxy reads the cluster with.
     */
    public record Passwords(@NotNull @Valid Secret metaDbRoot, @NotNull @Valid Secret proxyro, @NotNull @Valid Secret metaTenant,
                            @NotNull @Valid Secret monitorTenant, @NotNull @Valid Secret ocpAdmin) {
    }

    /**
     * A password given by reference ({@code secretRef}). {@code value} is only read so that an inline password can
     * be refused with a clear message; it is never stored, logged or echoed.
     */
    public record Secret(
            @Size(max = 128) @Pattern(regexp = Patterns.REF, message = Patterns.REF_MESSAGE) String secretRef,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String value) {

        @Override
        public String toString() {
            return "Secret[secretRef=" + secretRef + "]";
        }
    }

    /** Optional tenant sizes; without them the sizing tables decide. */
    public record MetaDb(@Valid TenantSize metaTenant, @Valid TenantSize monitorTenant) {
    }

    public record TenantSize(@NotNull @Min(1) @Max(1024) Integer cpu, @NotNull @Min(1) @Max(4096) Integer memoryGb) {
    }

    /** Hosts busy at once, and tries of a step's retryable errors within one attempt. */
    public record Limits(@Min(1) @Max(100) Integer maxParallelHosts, @Min(1) @Max(10) Integer stepMaxTries) {
    }

    public enum ClusterRole { PRIMARY, STANDBY }

    /**
     * {@code production} = OCP's documented minimums; {@code sandbox} = sizes cut to fit lab hosts. An enum so that
     * an unknown profile is unreadable (400) like any other unknown enum value, not a broken rule.
     */
    public enum SizingProfile {
        PRODUCTION, SANDBOX;

        /** As written in a topology and in the plan. */
        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A host's CPU architecture, as written in a topology. */
    public enum Arch {
        X86_64, AARCH64;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Cluster(
            @NotBlank @Size(max = 50) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String name,
            @NotNull ClusterRole role,
            @Size(max = 63) @Pattern(regexp = Patterns.LABEL, message = Patterns.LABEL_MESSAGE) String region,
            @Size(max = 255) @Pattern(regexp = Patterns.SITE_URL, message = Patterns.SITE_URL_MESSAGE) String accessAddress) {
    }

    /** An availability zone: the IDCs mapped to it, its OCP proxy (the AZ's entry) and MetaDB proxy. */
    public record Az(
            @NotBlank @Size(max = 63) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String name,
            @Size(max = 50) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String cluster,
            @NotEmpty @Size(max = 20)
            List<@NotNull @Size(max = 63) @Pattern(regexp = Patterns.LABEL, message = Patterns.LABEL_MESSAGE) String> idcs,
            @NotBlank @Size(max = 260) @Pattern(regexp = Patterns.HOST_PORT, message = Patterns.HOST_PORT_MESSAGE)
            String ocpProxy,
            @NotBlank @Size(max = 260) @Pattern(regexp = Patterns.HOST_PORT, message = Patterns.HOST_PORT_MESSAGE)
            String metaDbProxy) {

        public static final int DEFAULT_OCP_PROXY_PORT = 80;
        public static final int DEFAULT_METADB_PROXY_PORT = 2883;

        /**
         * The OCP proxy as host:port, the port defaulting to 80
         * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/200.deploying-a-high-availability-of-ocp/300.install-ocp-high-availability.md).
         */
        public String ocpProxyWithPort() {
            return Addresses.withDefaultPort(ocpProxy, DEFAULT_OCP_PROXY_PORT);
        }

        /**
         * The MetaDB proxy as host:port, the port defaulting to 2883
         * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/200.deploying-a-high-availability-of-ocp/300.install-ocp-high-availability.md).
         */
        public String metaDbProxyWithPort() {
            return Addresses.withDefaultPort(metaDbProxy, DEFAULT_METADB_PROXY_PORT);
        }
    }

    /** A host to deploy on. {@code sshPort} defaults to 22, {@code user} to root, {@code roles} to all four. */
    public record Host(
            @NotBlank @Size(max = 63) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String name,
            @NotBlank @Size(max = 253) @Pattern(regexp = Patterns.ADDRESS, message = Patterns.ADDRESS_MESSAGE)
            String address,
            @Min(1) @Max(65535) Integer sshPort,
            @Size(max = 32) @Pattern(regexp = Patterns.USER, message = Patterns.USER_MESSAGE) String user,
            @NotBlank @Size(max = 128) @Pattern(regexp = Patterns.REF, message = Patterns.REF_MESSAGE)
            String credentialRef,
            @Size(max = 50) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String cluster,
            @Size(max = 63) @Pattern(regexp = Patterns.LABEL, message = Patterns.LABEL_MESSAGE) String region,
            @Size(max = 63) @Pattern(regexp = Patterns.LABEL, message = Patterns.LABEL_MESSAGE) String idc,
            @Size(max = 4) List<@NotNull HostRole> roles,
            @Valid Resources resources) {

        public int sshPortOrDefault() {
            return sshPort == null ? 22 : sshPort;
        }

        public String userOrDefault() {
            return user == null ? "root" : user;
        }

        public List<HostRole> rolesOrDefault() {
            return roles == null ? List.of(HostRole.values()) : roles;
        }

        public boolean runs(HostRole role) {
            return rolesOrDefault().contains(role);
        }
    }

    /** What the operator declares a host offers; anything left out is checked on the host instead. */
    public record Resources(@Min(1) @Max(4096) Integer cpu, @Min(1) @Max(65536) Integer memoryGb,
                            @Min(1) @Max(1048576) Integer diskGb,
                            Arch arch) {
    }
}
