package dev.ocpha.contracts;

/**
 * Registry facts a plan waits for. A planned step lists them in {@code awaitsFacts}, and a deployment succeeds only
 * when every fact it expects is known: the planner learns them from the registry's topology events.
 */
public final class Facts {

    private Facts() {
    }

    /** An OCP node is installed, healthy and registered ({@code NodeRegistered}). */
    public static String nodeRegistered(String host) {
        return "node-registered:" + host;
    }

    /** A standby cluster is bound to the primary ({@code StandbyBound}). */
    public static String standbyBound(String cluster) {
        return "standby-bound:" + cluster;
    }

    /**
     * An OCP cluster is active ({@code ClusterActivated}): the registry's end state for a cluster, so a deployment
     * that succeeded shows every cluster ACTIVE in the registry's views.
     */
    public static String clusterActive(String cluster) {
        return "cluster-active:" + cluster;
    }

    /** An availability zone has its OCP, access address and parameters ({@code AzActivated}). */
    public static String azActive(String az) {
        return "az-active:" + az;
    }
}
