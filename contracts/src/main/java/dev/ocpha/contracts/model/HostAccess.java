package dev.ocpha.contracts.model;

/** How to reach a host over SSH. The credential is a reference, resolved by the service that connects. */
public record HostAccess(String address, int sshPort, String user, String credentialRef) {
}
