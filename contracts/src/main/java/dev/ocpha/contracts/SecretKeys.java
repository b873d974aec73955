package dev.ocpha.contracts;

/**
 * The passwords a deployment needs
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/200.deploying-community-ocp/500.deploy-ocp.md), as keys of a
 * plan's secret references. The values are names in the secret stores of the services that use them (executor,
 * checker), never the secrets.
 */
public final class SecretKeys {

    /** root@sys of the MetaDB cluster. */
    public static final String METADB_ROOT = "metaDbRootPassword";
    /**
     * proxyro@sys of the MetaDB cluster, the user OBProxy reads the cluster with (its SHA1 is OBProxy's
     * {@code observer_sys_password}).
     */
    public static final String METADB_PROXYRO = "metaDbProxyroPassword";
    /** The OCP meta tenant user. */
    public static final String META_TENANT = "metaTenantPassword";
    /** The OCP monitor tenant user. */
    public static final String MONITOR_TENANT = "monitorTenantPassword";
    /** The OCP admin user (HTTP Basic for the REST API). */
    public static final String OCP_ADMIN = "ocpAdminPassword";

    private SecretKeys() {
    }
}
