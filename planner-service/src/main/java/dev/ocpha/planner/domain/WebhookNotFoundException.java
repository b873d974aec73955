package dev.ocpha.planner.domain;

/** No webhook subscription by that id. */
public class WebhookNotFoundException extends RuntimeException {

    public WebhookNotFoundException(String message) {
        super(message);
    }
}
