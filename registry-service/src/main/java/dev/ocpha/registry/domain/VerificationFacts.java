package dev.ocpha.registry.domain;

import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.registry.persistence.BindingEntity;
import dev.ocpha.registry.persistence.OcpNodeEntity;
import dev.ocpha.registry.persistence.StepFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the post-deployment check saw, kept with the topology: a node whose every item passed is verified; a
 * standby's binding gets what the check of its reach to the primary's MetaDB observed, and when it passed (no
 * document shows a binding's own heartbeat or sync state).
 */
@ApplicationScoped
public class VerificationFacts {

    /** The verification item about a standby's binding, with {@code target} {@code cluster:<standby>}. */
    public static final String STANDBY_BOUND_CHECK = "standby-reaches-primary-metadb";
    private static final String CLUSTER_TARGET = "cluster:";

    private final StepFacts steps;

    public VerificationFacts(StepFacts steps) {
        this.steps = steps;
    }

    public void onDeploymentVerified(DeploymentVerified event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        steps.lock(deploymentId);
        OffsetDateTime now = OffsetDateTime.now();
        for (OcpNodeEntity node : OcpNodeEntity.ofDeployment(deploymentId)) {
            List<VerificationItem> items = event.items().stream().filter(item -> node.host.equals(item.target())).toList();
            if (!items.isEmpty() && items.stream().allMatch(item -> "PASS".equals(item.status()))) {
                node.verifiedAt = now;
            }
        }
        for (BindingEntity binding : BindingEntity.ofDeployment(deploymentId)) {
            event.items().stream()
                    .filter(item -> STANDBY_BOUND_CHECK.equals(item.check())
                            && (CLUSTER_TARGET + binding.standbyCluster).equals(item.target()))
                    .findFirst()
                    .ifPresent(item -> {
                        binding.syncState = item.observed();
                        if ("PASS".equals(item.status())) {
                            binding.heartbeatAt = now;
                        }
                    });
        }
    }
}
