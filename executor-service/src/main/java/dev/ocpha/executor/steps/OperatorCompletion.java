package dev.ocpha.executor.steps;

/** An operator reported the action of a run done: who, and what they said. */
public record OperatorCompletion(String actor, String note) {
}
