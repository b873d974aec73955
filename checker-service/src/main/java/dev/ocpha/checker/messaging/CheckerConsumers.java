package dev.ocpha.checker.messaging;

import dev.ocpha.checker.domain.EnvironmentCheckService;
import dev.ocpha.checker.domain.VerificationService;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.VerificationRequested;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The planner's requests: one thin handler per event type, each recording the request and returning. */
@ApplicationScoped
public class CheckerConsumers {

    private final InboundEvents inbound;
    private final EnvironmentCheckService checks;
    private final VerificationService verifications;
    private final EventHandlers deployments;

    public CheckerConsumers(InboundEvents inbound, EnvironmentCheckService checks, VerificationService verifications) {
        this.inbound = inbound;
        this.checks = checks;
        this.verifications = verifications;
        this.deployments = EventHandlers.create()
                .on(EnvironmentCheckRequested.class, checks::onEnvironmentCheckRequested)
                .on(VerificationRequested.class, verifications::onVerificationRequested);
    }

    void onStart(@Observes StartupEvent event) {
        checks.resumeUnfinished();
        verifications.resumeUnfinished();
    }

    @Incoming("deployments")
    @Blocking
    @Transactional
    void onDeployment(ConsumerRecord<String, String> record) {
        inbound.dispatch("deployments", record, deployments);
    }
}
