package dev.ocpha.contracts.events;

import dev.ocpha.contracts.model.VerificationItem;
import java.util.List;

/** The post-deployment check finished; {@code passed} is false when any item failed. */
public record DeploymentVerified(String deploymentId, String reportId, boolean passed, List<VerificationItem> items)
        implements CheckEvent {
}
