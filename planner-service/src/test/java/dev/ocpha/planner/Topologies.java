package dev.ocpha.planner;

import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.planner.domain.Topology;
import dev.ocpha.planner.domain.TopologyParser;
import dev.ocpha.planner.domain.TopologyValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The example topologies (examples/topologies) and test fixtures, read and validated as the API does. */
public final class Topologies {

    public static final Path EXAMPLES = Path.of("..", "examples", "topologies");
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    public static final TopologyValidator VALIDATOR = new TopologyValidator(VALIDATION.getValidator(),
            InstallerProfiles.load(Optional.empty()));

    private Topologies() {
    }

    public static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan of a valid topology, with its edition's installer profile. */
    public static dev.ocpha.planner.planning.Plan plan(Topology valid) {
        return dev.ocpha.planner.planning.PlanBuilder.plan(valid, VALIDATOR.profile(valid));
    }

    public static Topology valid(String yaml) {
        return VALIDATOR.validate(TopologyParser.parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), true));
    }
}
