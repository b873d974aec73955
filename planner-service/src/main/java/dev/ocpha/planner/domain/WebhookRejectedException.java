package dev.ocpha.planner.domain;

import dev.ocpha.platform.api.Problem.FieldError;
import java.util.List;

/** A webhook subscription that cannot be made (HTTP 422), with every field error found. */
public class WebhookRejectedException extends RuntimeException {

    private final transient List<FieldError> errors;

    public WebhookRejectedException(List<FieldError> errors) {
        super("The webhook subscription has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
