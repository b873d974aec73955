package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.CheckResult;
import java.util.List;

/** The environment check of one host finished; {@code passed} is false when any of its checks failed. */
public record HostChecked(String deploymentId, String checkRunId, String host, boolean passed,
                          List<CheckResult> results) implements CheckEvent {
}
