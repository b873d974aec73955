package dev.ocpha.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Decodes a record, skips it when the inbox has seen it, and calls the handler for its type, all in the caller's
 * transaction. A record that cannot be decoded throws {@link PoisonMessageException}: the caller's channel sends
 * it to its dead-letter topic and goes on.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final EventCodec codec;
    private final Inbox inbox;

    public InboundEvents(EventCodec codec, Inbox inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatch(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        EventEnvelope envelope = codec.decode(record);
        try (Correlation.Scope ignored = Correlation.open(envelope.correlationId(), envelope.id())) {
            Consumer<EventEnvelope> handler = handlers.handlerFor(envelope);
            if (handler == null) {
                return;
            }
            if (!inbox.firstDelivery(consumer, envelope)) {
                LOG.debugf("%s already processed %s %s", consumer, envelope.type().ceType(), envelope.id());
                return;
            }
            LOG.debugf("%s handles %s %s of deployment %s", consumer, envelope.type().ceType(), envelope.id(),
                    envelope.deploymentId());
            handler.accept(envelope);
        }
    }
}
