package dev.ocpha.contracts.installer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the deployer sends to hosts for one OCP edition and version line ({@code ocpVersions}, e.g. {@code 4.2}
 * covers 4.2.1 and 4.2.2): every action with its template and source, and the modes it can deploy.
 * {@code origin} says where it was read from (the bundled file or the operator's directory).
 */
public record InstallerProfile(String id, Edition edition, List<String> ocpVersions, String description,
                               Map<String, ModeSupport> modes, Map<String, ProfileAction> actions, String origin) {

    public InstallerProfile {
        ocpVersions = List.copyOf(ocpVersions);
        modes = Map.copyOf(modes);
        actions = Map.copyOf(actions);
    }

    /** @throws ProfileException naming the profile and the action when the profile has no such action */
    public ProfileAction action(String name) {
        ProfileAction action = actions.get(name);
        if (action == null) {
            throw new ProfileException("installer profile " + id + " (" + origin + ") has no action '" + name + "'");
        }
        return action;
    }

    /** The profile's word on a mode; a mode it does not list is not supported. */
    public ModeSupport mode(String mode) {
        return Optional.ofNullable(modes.get(mode)).orElseGet(() -> new ModeSupport(mode, false,
                "installer profile " + id + " lists no procedure for " + mode, null));
    }

    /** The length of the longest version line of this profile that {@code version} belongs to, or -1. */
    int match(String version) {
        return ocpVersions.stream().filter(line -> version.equals(line) || version.startsWith(line + "."))
                .mapToInt(String::length).max().orElse(-1);
    }
}
