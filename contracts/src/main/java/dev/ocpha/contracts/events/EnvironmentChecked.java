package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.CheckResult;
import java.util.List;

/** The environment check of a deployment finished; {@code passed} is false when any check failed. */
public record EnvironmentChecked(String deploymentId, String checkRunId, boolean passed, List<CheckResult> results)
        implements CheckEvent {
}
