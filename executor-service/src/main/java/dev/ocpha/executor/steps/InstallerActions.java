package dev.ocpha.executor.steps;

import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.contracts.installer.ProfileAction;
import dev.ocpha.platform.installer.InstallerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/**
 * The installer actions a step may run: those of the step's installer profile (docs/installers.md). An action no
 * public source backs ({@code verified: false}) runs only when the operator allows it.
 */
@ApplicationScoped
public class InstallerActions {

    private final InstallerProfiles profiles;
    private final boolean allowUnverified;

    public InstallerActions(InstallerProfiles profiles, InstallerConfig config) {
        this.profiles = profiles;
        this.allowUnverified = config.allowUnverified();
    }

    /** @throws StepFailure (permanent) naming the profile or action this executor does not have, or may not run */
    public ProfileAction action(String profileId, String name) throws StepFailure {
        InstallerProfile profile = profiles.all().stream().filter(p -> p.id().equals(profileId)).findFirst()
                .orElseThrow(() -> StepFailure.permanent("the step follows installer profile '" + profileId
                        + "', which this executor does not have (it has "
                        + profiles.all().stream().map(InstallerProfile::id).collect(Collectors.joining(", "))
                        + "; see ocpha.installer.profiles-dir)"));
        if (!profile.actions().containsKey(name)) {
            throw StepFailure.permanent("installer profile " + profile.id() + " (" + profile.origin()
                    + ") has no action '" + name + "'");
        }
        ProfileAction action = profile.action(name);
        if (!action.verified() && !allowUnverified) {
            throw StepFailure.permanent("action '" + name + "' of installer profile " + profile.id()
                    + " is not backed by a public source (" + action.note().strip()
                    + "); it runs only when the operator sets ocpha.installer.allow-unverified=true");
        }
        return action;
    }
}
