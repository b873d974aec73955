package dev.ocpha.planner.domain;

/** What a host runs (the names of {@link dev.ocpha.contracts.HostRoles}); in multi-node OCP every node runs all. */
public enum HostRole {
    OCP_SERVER, METADB, MONITORDB, OBPROXY
}
