package dev.ocpha.checker.domain;

import java.util.List;

/** An inventory that cannot be checked; every problem names its field. */
public class InvalidInventoryException extends RuntimeException {

    private final transient List<InventoryProblem> problems;

    public InvalidInventoryException(List<InventoryProblem> problems) {
        super("the inventory has invalid fields: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<InventoryProblem> problems() {
        return problems;
    }
}
