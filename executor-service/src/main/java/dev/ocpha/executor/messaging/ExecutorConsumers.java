package dev.ocpha.executor.messaging;

import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.executor.domain.StepCommandService;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ExecutorConsumers {

    private final InboundEvents inbound;
    private final StepCommandService steps;
    private final EventHandlers commands;

    public ExecutorConsumers(InboundEvents inbound, StepCommandService steps) {
        this.inbound = inbound;
        this.steps = steps;
        this.commands = EventHandlers.create().on(StepRequested.class, steps::accept);
    }

    void onStart(@Observes StartupEvent event) {
        steps.resumeUnfinished();
    }

    @Incoming("step-commands")
    @Blocking
    @Transactional
    void onStepCommand(ConsumerRecord<String, String> record) {
        inbound.dispatch("step-commands", record, commands);
    }
}
