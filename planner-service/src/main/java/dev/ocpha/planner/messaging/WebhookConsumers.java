package dev.ocpha.planner.messaging;

import dev.ocpha.planner.domain.WebhookService;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event of the public topics, read in a consumer group of its own, for the webhook subscriptions: each event
 * once (inbox), in the transaction that writes its deliveries.
 */
@ApplicationScoped
public class WebhookConsumers {

    private final InboundEvents inbound;
    private final EventHandlers every;

    public WebhookConsumers(InboundEvents inbound, WebhookService webhooks) {
        this.inbound = inbound;
        this.every = EventHandlers.create().onEvery(webhooks::onEvent);
    }

    @Incoming("webhook-events")
    @Blocking
    @Transactional
    void onEvent(ConsumerRecord<String, String> record) {
        inbound.dispatch("webhooks", record, every);
    }
}
