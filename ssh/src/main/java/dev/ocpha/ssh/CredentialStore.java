package dev.ocpha.ssh;

/** Resolves credential references to credentials. */
public interface CredentialStore {

    /** @throws RemoteException of kind AUTHENTICATION_FAILED, naming the reference, when it is unknown */
    Credential resolve(String credentialRef) throws RemoteException;
}
