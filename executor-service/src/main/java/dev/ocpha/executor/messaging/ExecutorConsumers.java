package dev.ocpha.executor.messaging;

import dev.ocpha.contracts.events.AzAssigned;
import dev.ocpha.contracts.events.OperatorActionCompleted;
import dev.ocpha.contracts.events.StandbyRegistrationRequested;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.executor.domain.StepCommandService;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Step commands and operator actions' completions from the planner, and the two steps the registry asks for; each
 * only recorded here, run later.
 */
@ApplicationScoped
public class ExecutorConsumers {

    private final InboundEvents inbound;
    private final EventHandlers commands;
    private final EventHandlers topology;

    public ExecutorConsumers(InboundEvents inbound, StepCommandService steps) {
        this.inbound = inbound;
        this.commands = EventHandlers.create().on(StepRequested.class, steps::accept)
                .on(OperatorActionCompleted.class, steps::completeAction);
        this.topology = EventHandlers.create()
                .on(StandbyRegistrationRequested.class, steps::registerStandby)
                .on(AzAssigned.class, steps::applyAzParameters);
    }

    @Incoming("step-commands")
    @Blocking
    @Transactional
    void onStepCommand(ConsumerRecord<String, String> record) {
        inbound.dispatch("step-commands", record, commands);
    }

    @Incoming("topology")
    @Blocking
    @Transactional
    void onTopology(ConsumerRecord<String, String> record) {
        inbound.dispatch("topology", record, topology);
    }
}
