package dev.ocpha.contracts.events;

/**
 * An operator reported an {@link OperatorActionRequired} done through the planner's API ({@code actor} is who,
 * {@code note} what they said). The executor then runs the step's probes again: the step succeeds only if they pass.
 * {@code completedAt} is ISO-8601 UTC.
 */
public record OperatorActionCompleted(String deploymentId, String stepId, String host, int attempt, String actionId,
                                      String actor, String note, String completedAt) implements StepCommand {
}
