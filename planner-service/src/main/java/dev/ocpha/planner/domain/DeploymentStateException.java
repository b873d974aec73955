package dev.ocpha.planner.domain;

/** The action does not fit the deployment's (or step's) current status; the message says what would. */
public class DeploymentStateException extends RuntimeException {

    public DeploymentStateException(String message) {
        super(message);
    }
}
