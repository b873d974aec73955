package dev.ocpha.planner.api;

import jakarta.validation.constraints.Size;

/** Why an operator cancels a deployment (optional). */
public record CancelRequest(@Size(max = 500) String reason) {
}
