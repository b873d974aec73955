package dev.ocpha.planner.domain;

import dev.ocpha.platform.api.Problem.FieldError;
import java.util.List;

/** A webhook URL the target policy refuses (HTTP 400 naming {@code url}): not https, or an internal address. */
public class WebhookTargetRefusedException extends RuntimeException {

    private final transient List<FieldError> errors;

    public WebhookTargetRefusedException(String refusal) {
        super("The webhook URL " + refusal + ".");
        this.errors = List.of(new FieldError("url", refusal, WebhookTargetPolicy.HINT));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
