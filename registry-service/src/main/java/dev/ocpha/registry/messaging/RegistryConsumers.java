package dev.ocpha.registry.messaging;

import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import dev.ocpha.registry.domain.RegistryService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class RegistryConsumers {

    private final InboundEvents inbound;
    private final EventHandlers deployments;
    private final EventHandlers stepEvents;

    public RegistryConsumers(InboundEvents inbound, RegistryService registry) {
        this.inbound = inbound;
        this.deployments = EventHandlers.create().on(DeploymentPlanned.class, registry::onDeploymentPlanned);
        this.stepEvents = EventHandlers.create().on(StepSucceeded.class, registry::onStepSucceeded);
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
}
