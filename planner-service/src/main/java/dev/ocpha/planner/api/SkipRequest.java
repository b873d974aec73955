package dev.ocpha.planner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator skips a step; kept in the audit log. */
public record SkipRequest(@NotBlank(message = "is required: say why the step is skipped") @Size(max = 500) String reason) {
}
