package dev.ocpha.planner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the operator did, in their words; kept in the audit log and sent to the executor. */
public record CompleteActionRequest(
        @NotBlank(message = "is required: say what you did") @Size(max = 500) String note) {
}
