package dev.ocpha.planner;

import dev.ocpha.planner.domain.Topology;
import dev.ocpha.planner.domain.TopologyParser;
import dev.ocpha.planner.domain.TopologyValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The example topologies (examples/topologies) and test fixtures, read and validated as the API does. */
public final class Topologies {

    public static final Path EXAMPLES = Path.of("..", "examples", "topologies");
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    public static final TopologyValidator VALIDATOR = new TopologyValidator(VALIDATION.getValidator());

    private Topologies() {
    }

    public static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Topology valid(String yaml) {
        return VALIDATOR.validate(TopologyParser.parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), true));
    }
}
