package dev.ocpha.ssh.cdi;

import dev.ocpha.ssh.HostKeyPins;
import dev.ocpha.ssh.HostKeyPolicy;
import dev.ocpha.ssh.MapCredentialStore;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshjRemoteExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one {@link RemoteExecutor} of a service, configured from {@link SshConfig}. */
@ApplicationScoped
public class RemoteExecutorProducer {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteExecutorProducer.class);

    @Produces
    @ApplicationScoped
    RemoteExecutor remoteExecutor(SshConfig config, Instance<HostKeyPins> pins) {
        return new SshjRemoteExecutor(new MapCredentialStore(config.credentials()), policy(config, pins),
                config.connectTimeout());
    }

    private static HostKeyPolicy policy(SshConfig config, Instance<HostKeyPins> pins) {
        if (config.knownHosts().isPresent()) {
            LOG.info("SSH host keys are verified against {}", config.knownHosts().get());
            return new HostKeyPolicy.KnownHostsFile(config.knownHosts().get());
        }
        if (pins.isResolvable()) {
            LOG.info("SSH host keys are pinned at first contact (no ocpha.ssh.known-hosts is set)");
            return new HostKeyPolicy.TrustOnFirstUse(pins.get());
        }
        throw new IllegalStateException("set ocpha.ssh.known-hosts to the OpenSSH known_hosts file that holds the"
                + " hosts' keys: this service has no store to pin host keys at first contact");
    }

    void close(@Disposes RemoteExecutor executor) {
        executor.close();
    }
}
