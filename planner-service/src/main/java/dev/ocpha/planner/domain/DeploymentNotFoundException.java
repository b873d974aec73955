package dev.ocpha.planner.domain;

/** No deployment (or no step of it) by that id. */
public class DeploymentNotFoundException extends RuntimeException {

    public DeploymentNotFoundException(String message) {
        super(message);
    }
}
