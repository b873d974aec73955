package dev.ocpha.registry.domain;

/** Where an OCP cluster stands, as the registry's facts tell it. */
public enum ClusterStatus {
    /** Planned; not every node is registered yet. */
    PLANNED,
    /** Every node is installed, healthy and registered. */
    READY,
    /** Ready, its parameters set, its AZs active, and (a standby) bound to the primary. */
    ACTIVE,
    /** Its standby binding or an AZ of it failed. */
    FAILED
}
