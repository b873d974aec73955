package dev.ocpha.ssh;

import java.nio.file.Path;
import java.util.Map;

/** Credential references configured as key files, e.g. {@code lab -> /keys/id_ecdsa}. */
public final class MapCredentialStore implements CredentialStore {
    private final Map<String, Path> keyFilesByRef;

    public MapCredentialStore(Map<String, Path> keyFilesByRef) {
        this.keyFilesByRef = Map.copyOf(keyFilesByRef);
    }

    @Override
    public Credential resolve(String credentialRef) throws RemoteException {
        Path keyFile = credentialRef == null ? null : keyFilesByRef.get(credentialRef);
        if (keyFile == null) {
            throw new RemoteException(RemoteException.Kind.AUTHENTICATION_FAILED, null,
                    "no credential is configured for reference '" + credentialRef + "'");
        }
        return new Credential.PrivateKeyFile(keyFile);
    }
}
