package dev.ocpha.ssh.cdi;

import dev.ocpha.ssh.MapCredentialStore;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshjRemoteExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The one {@link RemoteExecutor} of a service, configured from {@link SshConfig}. */
@ApplicationScoped
public class RemoteExecutorProducer {

    @Produces
    @ApplicationScoped
    RemoteExecutor remoteExecutor(SshConfig config) {
        return new SshjRemoteExecutor(new MapCredentialStore(config.credentials()), config.knownHosts(),
                config.connectTimeout());
    }

    void close(@Disposes RemoteExecutor executor) {
        executor.close();
    }
}
