package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared state of one MetaDB (OceanBase) cluster: what its servers see alike. Persisted by the registry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetaDbState {
    public String name;
    public String version;
    /** root@sys; empty until {@code ALTER USER root}. */
    public String rootPassword = "";
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
     * A server of the cluster, an observer started from the command line: its host, server id, address, zone and
     * ports; its data lives while {@code store}, the machine path of the identity file in its store directory, still
     * names it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replica(String host, String serverId, String address, String zone, int mysqlPort, int rpcPort,
                          String store) {
        String key() {
            return host + "/observer-" + serverId;
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
        /** {@code ob_tcp_invited_nodes}; null (the sys tenant): every client, as OceanBase's {@code %}. */
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
