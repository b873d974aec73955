package dev.ocpha.planner.messaging;

import dev.ocpha.contracts.events.AzActivated;
import dev.ocpha.contracts.events.AzActivationFailed;
import dev.ocpha.contracts.events.ClusterActivated;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.HostChecked;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.events.StandbyBindingFailed;
import dev.ocpha.contracts.events.StandbyBound;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.planner.domain.DeploymentService;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Thin consumers: each event type goes to one {@link DeploymentService} method, once (inbox). */
@ApplicationScoped
public class PlannerConsumers {

    private final InboundEvents inbound;
    private final EventHandlers checks;
    private final EventHandlers stepEvents;
    private final EventHandlers topology;

    public PlannerConsumers(InboundEvents inbound, DeploymentService deployments) {
        this.inbound = inbound;
        this.checks = EventHandlers.create()
                .on(HostChecked.class, deployments::onHostChecked)
                .on(EnvironmentChecked.class, deployments::onEnvironmentChecked)
                .on(DeploymentVerified.class, deployments::onDeploymentVerified);
        this.stepEvents = EventHandlers.create()
                .on(StepStarted.class, deployments::onStepStarted)
                .on(StepSucceeded.class, deployments::onStepSucceeded)
                .on(StepFailed.class, deployments::onStepFailed)
                .on(OperatorActionRequired.class, deployments::onOperatorActionRequired);
        this.topology = EventHandlers.create()
                .on(NodeRegistered.class, deployments::onNodeRegistered)
                .on(StandbyBound.class, deployments::onStandbyBound)
                .on(StandbyBindingFailed.class, deployments::onStandbyBindingFailed)
                .on(AzActivated.class, deployments::onAzActivated)
                .on(AzActivationFailed.class, deployments::onAzActivationFailed)
                .on(ClusterActivated.class, deployments::onClusterActivated);
    }

    @Incoming("checks")
    @Blocking
    @Transactional
    void onCheck(ConsumerRecord<String, String> record) {
        inbound.dispatch("checks", record, checks);
    }

    @Incoming("step-events")
    @Blocking
    @Transactional
    void onStepEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch("step-events", record, stepEvents);
    }

    @Incoming("topology")
    @Blocking
    @Transactional
    void onTopology(ConsumerRecord<String, String> record) {
        inbound.dispatch("topology", record, topology);
    }
}
