package dev.ocpha.platform.installer;

import dev.ocpha.contracts.installer.InstallerProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The installer profiles of this service: the shipped ones with the operator's directory over them, read once at start,
 * so that a broken profile of the operator's stops the service with the file, the action and the rule it breaks. */
@ApplicationScoped
public class InstallerProfilesProducer {

    @Produces
    @Singleton
    InstallerProfiles profiles(InstallerConfig config) {
        return InstallerProfiles.load(config.profilesDir());
    }
}
