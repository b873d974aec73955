package dev.ocpha.lab.metadb;

/** How often an OCP in multi-cluster mode heartbeats to the leader's MetaDB, and when a row counts as timed out. */
public final class McTimings {
    public static final long HEARTBEAT_INTERVAL_MILLIS = 1000;
    public static final long HEARTBEAT_TIMEOUT_SECONDS = 5;

    private McTimings() {
    }
}
