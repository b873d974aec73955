package dev.ocpha.contracts.installer;

import java.util.List;

/**
 * What an operator is asked to do where OCP documents no interface: a title, instructions (a template with
 * {@code {name}} placeholders rendered from the plan) and the profile actions that verify the result afterwards.
 */
public record OperatorInstructions(String title, String instructions, List<String> verify) {

    public OperatorInstructions {
        verify = verify == null ? List.of() : List.copyOf(verify);
    }
}
