package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.HostAccess;
import java.util.Map;

/**
 * Run one step on one host. {@code attempt} counts the planner's requests of this step (a retry asks again);
 * {@code maxTries} bounds the executor's own tries of retryable errors within the attempt. Parameters never hold
 * secrets, only references. {@code installerProfile} names the installer profile (docs/installers.md) whose
 * actions the step runs: the deployment's edition and version.
 */
public record StepRequested(String deploymentId, String stepId, String kind, String description, String host,
                            String cluster, HostAccess access, Map<String, String> parameters, int timeoutSeconds,
                            int maxTries, int attempt, String installerProfile) implements StepCommand {
}
