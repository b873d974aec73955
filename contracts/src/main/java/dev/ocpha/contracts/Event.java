package dev.ocpha.contracts;

/** An immutable, past-tense fact (or a command, for step requests) about one deployment. */
public interface Event {
    String deploymentId();
}
