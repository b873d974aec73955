package dev.ocpha.registry.messaging;

import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.DeploymentRetried;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import dev.ocpha.registry.domain.RegistryService;
import dev.ocpha.registry.domain.VerificationFacts;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Thin consumers: each event type goes to one domain method, once. */
@ApplicationScoped
public class RegistryConsumers {

    private final InboundEvents inbound;
    private final EventHandlers deployments;
    private final EventHandlers stepEvents;
    private final EventHandlers checks;

    public RegistryConsumers(InboundEvents inbound, RegistryService registry, VerificationFacts verification) {
        this.inbound = inbound;
        this.deployments = EventHandlers.create()
                .on(DeploymentPlanned.class, registry::onDeploymentPlanned)
                .on(DeploymentRetried.class, registry::onDeploymentRetried);
        this.stepEvents = EventHandlers.create()
                .on(StepSucceeded.class, registry::onStepSucceeded)
                .on(StepFailed.class, registry::onStepFailed);
        this.checks = EventHandlers.create().on(DeploymentVerified.class, verification::onDeploymentVerified);
    }

    @Incoming("deployments")
    @Blocking
    @Transactional
    void onDeployment(ConsumerRecord<String, String> record) {
        inbound.dispatch("deployments", record, deployments);
    }

    @Incoming("step-events")
    @Blocking
    @Transactional
    void onStepEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch("step-events", record, stepEvents);
    }

    @Incoming("checks")
    @Blocking
    @Transactional
    void onCheck(ConsumerRecord<String, String> record) {
        inbound.dispatch("checks", record, checks);
    }
}
