package dev.ocpha.checker.domain;

/** One thing wrong with an inventory: the field's path in the request and what is wrong with it. */
public record InventoryProblem(String field, String message) {
}
