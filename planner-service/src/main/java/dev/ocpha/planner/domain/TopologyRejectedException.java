package dev.ocpha.planner.domain;

import dev.ocpha.platform.api.Problem.FieldError;
import java.util.List;

/**
 * A topology that cannot be planned: {@code malformed} when the body cannot be read as a topology at all (HTTP 400),
 * otherwise it reads but breaks rules (HTTP 422). Carries every field error found.
 */
public class TopologyRejectedException extends RuntimeException {

    private final boolean malformed;
    private final transient List<FieldError> errors;

    public TopologyRejectedException(boolean malformed, String detail, List<FieldError> errors) {
        super(detail);
        this.malformed = malformed;
        this.errors = List.copyOf(errors);
    }

    public boolean malformed() {
        return malformed;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
