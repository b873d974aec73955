package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.CheckResult;
import java.util.List;

/**
 * The environment check of a deployment finished (the per-host details are in {@link HostChecked}).
 * {@code passed} is false when any check failed; {@code problems} lists the failures and warnings.
 */
public record EnvironmentChecked(String deploymentId, String checkRunId, boolean passed, int hostCount,
                                 List<CheckResult> problems) implements CheckEvent {
}
