package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared state of one MetaDB (OceanBase) cluster: what its replicas see alike. Persisted by the registry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetaDbState {
    public String name;
    public String version;
    /** root@sys; empty until {@code OB_ROOT_PASSWORD} at the first replica's run or {@code ALTER USER root}. */
    public String rootPassword = "";
    /**
     * Deployed through observer's documented command line (not the lab's MetaDB image): OceanBase's own defaults
     * apply, a tenant's allowlist and the refusal of all but SET and BOOTSTRAP before the bootstrap.
     */
    public boolean commandLine;
    public boolean bootstrapped;
    public List<Server> servers = new ArrayList<>();
    public Map<String, Replica> replicas = new LinkedHashMap<>();
    public Map<String, Unit> units = new LinkedHashMap<>();
    public Map<String, Pool> pools = new LinkedHashMap<>();
    public Map<String, Tenant> tenants = new LinkedHashMap<>();

    /** A server named in the bootstrap: its zone and {@code ip:rpcPort}. */
    public record Server(String zone, String address, int rpcPort, int sqlPort) {
    }

    /**
     * A server of the cluster: a MetaDB container (which host, container, zone and ports) or an observer started from
     * the command line ({@code container} {@code observer-<server id>}, no proxy or sshd port), whose data lives while
     * {@code store}, the machine path of the identity file in its store directory, still names it.
     */
    public record Replica(String host, String container, String address, String zone, int mysqlPort, int rpcPort,
                          int proxyPort, int sshdPort, String store) {
        public static Replica container(String host, String container, String address, String zone, int mysqlPort,
                                        int rpcPort, int proxyPort, int sshdPort) {
            return new Replica(host, container, address, zone, mysqlPort, rpcPort, proxyPort, sshdPort, null);
        }

        public static Replica observer(String host, String serverId, String address, String zone, int sqlPort, int rpcPort,
                                       String store) {
            return new Replica(host, "observer-" + serverId, address, zone, sqlPort, rpcPort, 0, 0, store);
        }

        String key() {
            return host + "/" + container;
        }
    }

    public record Unit(String name, double maxCpu, String memorySize) {
    }

    /** {@code zones}: the pool's ZONE_LIST (null: every zone of the cluster). */
    public record Pool(String name, String unit, int unitNum, List<String> zones) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Tenant {
        public int id;
        public String name;
        public String pool;
        /** {@code ob_tcp_invited_nodes}; null: not enforced (tenants of the lab's MetaDB image). */
        public String invitedNodes;
        public Map<String, String> users = new LinkedHashMap<>();
        public Set<String> databases = new LinkedHashSet<>();
        /** Per database: OCP's system parameters as stored in its MetaDB (key → value). */
        public Map<String, Map<String, String>> config = new LinkedHashMap<>();
        /** Per database: this OCP cluster's multi-cluster settings ({@code ocp-bootstrap enableMc}). */
        public Map<String, McConfig> mc = new LinkedHashMap<>();
        /** Per database: the multi-cluster table of a LEADER's MetaDB, cluster id → row. */
        public Map<String, Map<Integer, McRow>> mcTable = new LinkedHashMap<>();
    }

    /** {@code enableMc} settings, and where a FOLLOWER registered (the leader's MetaDB). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class McConfig {
        public int clusterId;
        public String clusterName;
        public String role;
        public String leaderHost;
        public int leaderPort;
        public String leaderUser;
        public String leaderDatabase;
        public String leaderPassword;
    }

    /** A row of {@code ocp_multi_cluster}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class McRow {
        public int clusterId;
        public String clusterName;
        public String role;
        public String version;
        public String heartbeatTime;
        public String syncStatus = "SYNCING";
        public String accessAddress;
    }
}
