package dev.ocpha.executor.steps;

import java.util.Map;

/**
 * What an operator is asked to do: a title, the instructions, the values to enter by the form's labels (a password is
 * named by its secret reference, never given) and the document the instructions follow.
 */
public record OperatorRequest(String title, String instructions, Map<String, String> fields, String source) {
}
