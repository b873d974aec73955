package dev.ocpha.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of step a plan (or the registry) can ask for; every executor runs every kind. Parameters are strings;
 * those ending in {@code Ref} name a secret in the executor's secret store and never hold the secret itself.
 * The executor's catalog (docs/services/executor-service.md) documents the commands, idempotency checks,
 * timeouts and retryable errors of each kind.
 */
public final class StepKinds {

    /**
     * OAT "add server" (oceanbase/ocp-doc@V4.2.2
     * {@code zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/200.prepare-the-deployment-environment/200.standardized-host.md}):
     * the {@code admin} user and group (uid/gid 500) and the OCP-Server and MetaDB
     * directories, owned by admin. Parameters: {@code adminUid}, {@code adminGid}, {@code directories} (comma list).
     */
    public static final String PREPARE_HOST = "PREPARE_HOST";

    /**
     * Installation media: upload each medium's tar when absent or its checksum differs, verify the checksum, then
     * {@code docker load -i} an image archive or unpack a bundle of RPM packages into {@code <remoteDir>/<medium>}.
     * Parameters: {@code media} (comma list of media names the executor's media directory holds), {@code remoteDir}.
     */
    public static final String PREPARE_MEDIA = "PREPARE_MEDIA";

    /**
     * One observer of the MetaDB cluster on the host, one zone, through OceanBase's documented command line
     * (oceanbase/oceanbase-doc@V4.2.5 {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/
     * 400.deploy-through-the-command-line/200.deploy-the-oceanbase-cluster-command-line/
     * 400.deploy-three-oceanbase-replica-clusters.md}): {@code rpm -ivh} the bundle's packages, the data and log
     * directories linked into {@code <installDir>/store/<cluster>}, {@code observer -I -P -p -z -d -r -c -n -o}.
     * Parameters: {@code media} (the package bundle, unpacked by PREPARE_MEDIA into {@code mediaDir}),
     * {@code mediaDir}, {@code metaDbCluster}, {@code clusterId}, {@code zone}, {@code address} (the observer's
     * {@code -I}), {@code mysqlPort}, {@code rpcPort}, {@code rsList} (ip:rpcPort:mysqlPort;…), {@code cpu},
     * {@code memoryGb}, {@code systemMemoryGb}, {@code datafileGb}, {@code logDiskGb}, {@code installDir},
     * {@code dataDir}, {@code logDir}.
     */
    public static final String CREATE_METADB = "CREATE_METADB";

    /**
     * Bootstraps the MetaDB cluster once, on its first host, with every zone (root@sys starts with an empty
     * password), sets root's password, creates {@code proxyro} for OBProxy, and creates the {@code ocp_meta} and
     * {@code ocp_monitor} tenants (allowlist open to OCP's hosts), users and databases with the planned sizes.
     * Parameters: {@code metaDbCluster}, {@code zones} (comma list of zone:address:rpcPort), {@code mysqlPort},
     * {@code metaTenant}, {@code metaTenantCpu}, {@code metaTenantMemoryGb}, {@code monitorTenant},
     * {@code monitorTenantCpu}, {@code monitorTenantMemoryGb}, {@code rootPasswordRef}, {@code proxyroPasswordRef},
     * {@code metaPasswordRef}, {@code monitorPasswordRef}.
     */
    public static final String BOOTSTRAP_METADB = "BOOTSTRAP_METADB";

    /**
     * OBProxy on a MetaDB host, after the bootstrap, with the documented command line {@code bin/obproxy -r <rs list>
     * -p <port> -o observer_sys_password=<SHA1 of proxyro's password>,… -c <cluster>} (oceanbase/oceanbase-doc@V4.2.5
     * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/
     * 300.deploy-obproxy-command-line.md}); OCP reaches its MetaDB through it. Parameters: {@code media},
     * {@code metaDbCluster}, {@code address}, {@code proxyPort}, {@code rsList} (ip:mysqlPort;…),
     * {@code proxyroPasswordRef}.
     */
    public static final String START_OBPROXY = "START_OBPROXY";

    /**
     * The OCP container with the {@code OCP_METADB_*} environment contract, CPU and memory limits, host network and
     * its first-boot system parameters in {@code OCP_CONFIG_PROPERTIES} (oceanbase/ocp-doc@V4.2.2
     * {@code zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md}). Parameters:
     * {@code media} (the OCP image's media name), {@code container}, {@code cpu}, {@code memoryGb}, {@code httpPort}
     * ({@code server.port}), {@code siteUrl} ({@code ocp.site.url} and {@code ocp.config-url.site.url}: the cluster's
     * access address), {@code metaDbHost}, {@code metaDbPort}, {@code metaDbUser}, {@code metaDbDatabase},
     * {@code monitorDbUser},
     * {@code monitorDbDatabase}, {@code metaPasswordRef}, {@code monitorPasswordRef}, {@code adminPasswordRef}.
     */
    public static final String INSTALL_OCP = "INSTALL_OCP";

    /**
     * Bounded polling of {@code /api/status} until it answers {@code okay}. Parameters: {@code url},
     * {@code adminPasswordRef}, {@code waitSeconds}, {@code intervalSeconds}.
     */
    public static final String WAIT_OCP_HEALTHY = "WAIT_OCP_HEALTHY";

    /**
     * Multi-cluster mode on a node: {@code ./ocp-bootstrap -i} with {@code enableMc <id> <name> LEADER|FOLLOWER} in
     * its container, then a restart of that container (oceanbase/ocp-doc@V4.2.2 {@code zh-CN/1200.manage-disaster-
     * recovery/300.ocp-multi-cluster-mode/900.multi-cluster-mode-switch.md}). Parameters: {@code container},
     * {@code clusterId}, {@code clusterName}, {@code clusterRole}, {@code url}, {@code adminPasswordRef}.
     */
    public static final String ENABLE_MULTI_CLUSTER = "ENABLE_MULTI_CLUSTER";

    /**
     * Registers a standby OCP cluster to the primary's MetaDB. OCP documents this in its console only
     * (oceanbase/ocp-doc@V4.2.2 zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/
     * 200.register-an-ocp-cluster.md), so it is an operator action: instructions for the console, then probes (the
     * standby host logs in to the primary's MetaDB; the standby OCP's {@code /api/status} is okay). Asked for by the
     * registry ({@code StandbyRegistrationRequested}), not planned. Step id {@code register-standby@<standbyCluster>}.
     * Parameters: {@code primaryCluster}, {@code primaryMetaDbAddress} (host:port), {@code primaryMetaDbUser},
     * {@code primaryMetaDbDatabase}, {@code metaPasswordRef}, {@code standbyUrl}, {@code adminPasswordRef}.
     */
    public static final String REGISTER_STANDBY = "REGISTER_STANDBY";

    /**
     * The per-AZ system parameters of one OCP node (oceanbase/ocp-doc@V4.2.2
     * {@code zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/300.manage-multi-zone-parameters.md}). Asked for by the registry ({@code AzAssigned}),
     * not planned. Step id {@code apply-az-parameters@<az>/<host>}.
     */
    public static final String APPLY_AZ_PARAMETERS = "APPLY_AZ_PARAMETERS";

    /** Removes the OCP container of a node. Parameters: {@code container} (the one its INSTALL_OCP created). */
    public static final String REMOVE_OCP = "REMOVE_OCP";

    /**
     * Removes the MetaDB of a node: stops its OBProxy and observer, erases the bundle's packages, empties (never
     * removes) its directories. Parameters: {@code media} and the {@link #METADB_DIRECTORIES} of the node's
     * CREATE_METADB.
     */
    public static final String REMOVE_METADB = "REMOVE_METADB";

    /** The parameters of CREATE_METADB naming the MetaDB's directories, which REMOVE_METADB empties again. */
    public static final List<String> METADB_DIRECTORIES = List.of("installDir", "dataDir", "logDir");

    /**
     * What the planner and every executor take from a kind: how long one try may run ({@code timeout}, what the plan
     * sends and the executor enforces), how long it typically takes on production hardware ({@code estimate}, what
     * the plan's critical path adds up; OCP's own start takes about 2 minutes, oceanbase/ocp-doc@V4.2.2
     * zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md), and whether it changes its
     * host ({@code mutating}: a host runs one such step at a time, across all executors).
     */
    public record Definition(String kind, Duration timeout, Duration estimate, boolean mutating) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition(PREPARE_HOST, Duration.ofMinutes(5), Duration.ofSeconds(30), true),
            new Definition(PREPARE_MEDIA, Duration.ofMinutes(30), Duration.ofMinutes(5), true),
            new Definition(CREATE_METADB, Duration.ofMinutes(20), Duration.ofMinutes(4), true),
            new Definition(BOOTSTRAP_METADB, Duration.ofMinutes(30), Duration.ofMinutes(10), true),
            new Definition(START_OBPROXY, Duration.ofMinutes(5), Duration.ofSeconds(30), true),
            new Definition(INSTALL_OCP, Duration.ofMinutes(20), Duration.ofMinutes(3), true),
            new Definition(WAIT_OCP_HEALTHY, Duration.ofMinutes(6), Duration.ofMinutes(2), false),
            new Definition(ENABLE_MULTI_CLUSTER, Duration.ofMinutes(15), Duration.ofMinutes(3), true),
            new Definition(REGISTER_STANDBY, Duration.ofMinutes(15), Duration.ofMinutes(2), true),
            new Definition(APPLY_AZ_PARAMETERS, Duration.ofMinutes(15), Duration.ofMinutes(3), true),
            new Definition(REMOVE_OCP, Duration.ofMinutes(10), Duration.ofSeconds(30), true),
            new Definition(REMOVE_METADB, Duration.ofMinutes(15), Duration.ofMinutes(1), true));

    public static final List<String> ALL = DEFINITIONS.stream().map(Definition::kind).toList();

    /** The definition of {@code kind}; empty for a name that is no kind. */
    public static Optional<Definition> definition(String kind) {
        return DEFINITIONS.stream().filter(d -> d.kind().equals(kind)).findFirst();
    }

    private StepKinds() {
    }

    /** The step id of a standby's registration, which the registry asks for and the executor reports under. */
    public static String registerStandbyStepId(String standbyCluster) {
        return "register-standby@" + standbyCluster;
    }

    /** The step id of one AZ node's parameters, which the registry asks for and the executor reports under. */
    public static String azParametersStepId(String az, String host) {
        return "apply-az-parameters@" + az + "/" + host;
    }
}
