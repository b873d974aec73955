package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.HostAccess;
import java.util.Map;

/** The planner asks an executor to run one step on one host. Parameters never hold secrets, only references. */
public record StepRequested(String deploymentId, String stepId, String kind, String description, String host,
                            HostAccess access, Map<String, String> parameters, int timeoutSeconds, int attempt)
        implements StepCommand {
}
