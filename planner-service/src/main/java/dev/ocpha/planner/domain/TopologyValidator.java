package dev.ocpha.planner.domain;

import dev.ocpha.contracts.installer.InstallerProfile;
import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.platform.api.Problem.FieldError;
import dev.ocpha.platform.api.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Declarative constraints on the topology's fields, then the rules across fields and what the installer profile of
 * its edition and version can do; all errors at once.
 */
@ApplicationScoped
public class TopologyValidator {

    private final Validator validator;
    private final InstallerProfiles profiles;

    public TopologyValidator(Validator validator, InstallerProfiles profiles) {
        this.validator = validator;
        this.profiles = profiles;
    }

    /** The installer profile of a valid topology: its edition and version. */
    public InstallerProfile profile(Topology valid) {
        return profiles.forEdition(valid.ocp().editionOrDefault(), valid.ocp().version());
    }

    /** Returns the topology when it is valid; throws {@link TopologyRejectedException} listing every error. */
    public Topology validate(Topology topology) {
        List<FieldError> errors = new ArrayList<>(validator.validate(topology).stream()
                .map(v -> new FieldError(ProblemMappers.fieldOf(v), v.getMessage(), null))
                .sorted(Comparator.comparing(FieldError::field))
                .toList());
        errors.addAll(TopologyRules.check(topology, profiles));
        if (!errors.isEmpty()) {
            throw new TopologyRejectedException(false, "The topology breaks " + errors.size()
                    + (errors.size() == 1 ? " rule." : " rules."), errors);
        }
        return topology;
    }
}
