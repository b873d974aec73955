package dev.ocpha.ssh;

/** Where and as whom to connect; the credential is only a reference, resolved by a {@link CredentialStore}. */
public record SshTarget(String address, int port, String user, String credentialRef) {
    @Override
    public String toString() {
        return user + "@" + address + ":" + port;
    }
}
