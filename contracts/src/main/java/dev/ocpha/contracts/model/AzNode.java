package dev.ocpha.contracts.model;

/** An OCP node of an availability zone and how to reach it. */
public record AzNode(String host, HostAccess access) {
}
