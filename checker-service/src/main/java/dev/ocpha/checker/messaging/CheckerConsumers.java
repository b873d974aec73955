package dev.ocpha.checker.messaging;

import dev.ocpha.checker.domain.EnvironmentCheckService;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
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
public class CheckerConsumers {

    private final InboundEvents inbound;
    private final EnvironmentCheckService checks;
    private final EventHandlers deployments;

    public CheckerConsumers(InboundEvents inbound, EnvironmentCheckService checks) {
        this.inbound = inbound;
        this.checks = checks;
        this.deployments = EventHandlers.create().on(EnvironmentCheckRequested.class, checks::onEnvironmentCheckRequested);
    }

    void onStart(@Observes StartupEvent event) {
        checks.resumeUnfinished();
    }

    @Incoming("deployments")
    @Blocking
    @Transactional
    void onDeployment(ConsumerRecord<String, String> record) {
        inbound.dispatch("deployments", record, deployments);
    }
}
