package dev.ocpha.planner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.platform.messaging.EventHandlers;
import dev.ocpha.platform.messaging.InboundEvents;
import dev.ocpha.platform.messaging.OutboxRelay;
import dev.ocpha.planner.domain.DeploymentStatus;
import dev.ocpha.planner.persistence.DeploymentEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The outbox, the inbox and the dead-letter topic, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class ReliableMessagingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboundEvents inbound;
    @Inject
    OutboxRelay relay;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String createDeployment() {
        return Api.submit("single-node");
    }

    private static StepSucceeded hostAdded(String id) {
        return new StepSucceeded(id, "prepare-host@ocp-1", "PREPARE_HOST", "ocp-1", "single", 1, 1, "test", 10);
    }

    private ProducerRecord<String, String> event(EventType type, String eventId, Object payload, String key) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key,
                    mapper.writeValueAsString(payload));
            header(record, EventHeaders.ID, eventId);
            header(record, EventHeaders.TYPE, type.ceType());
            header(record, EventHeaders.SOURCE, "/test");
            header(record, EventHeaders.SCHEMA_VERSION, Integer.toString(type.schemaVersion()));
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isFor(ConsumerRecord<String, String> record, String deploymentId, EventType type) {
        return deploymentId.equals(TopicProbe.header(record, EventHeaders.SUBJECT))
                && type.ceType().equals(TopicProbe.header(record, EventHeaders.TYPE));
    }

    @Test
    void sameEventDeliveredTwice_hasOneEffect() {
        String id = createDeployment();
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe deployments = TopicProbe.subscribe(bootstrap, Topics.DEPLOYMENTS)) {
            TopicProbe.send(bootstrap, event(EventType.STEP_SUCCEEDED, eventId, hostAdded(id), id + "/ocp-1"));
            TopicProbe.send(bootstrap, event(EventType.STEP_SUCCEEDED, eventId, hostAdded(id), id + "/ocp-1"));
            deployments.awaitMatching(r -> isFor(r, id, EventType.ENVIRONMENT_CHECK_REQUESTED), 1, WAIT);
            long requested = deployments.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> isFor(r, id, EventType.ENVIRONMENT_CHECK_REQUESTED)).count();
            assertEquals(1, requested);
        }
    }

    @Test
    void inbox_passesAnEventToItsHandlerOnlyOnce() {
        String deploymentId = UUID.randomUUID().toString();
        ProducerRecord<String, String> sent = event(EventType.NODE_REGISTERED, UUID.randomUUID().toString(),
                new NodeRegistered(deploymentId, "c", "h", null, "http://h:8080"), deploymentId);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        AtomicInteger calls = new AtomicInteger();
        EventHandlers handlers = EventHandlers.create().on(NodeRegistered.class, e -> calls.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            QuarkusTransaction.requiringNew().run(() -> inbound.dispatch("inbox-test", record, handlers));
        }
        assertEquals(1, calls.get());
    }

    @Test
    void poisonMessage_goesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String id = createDeployment();
        TopicProbe.send(bootstrap, event(EventType.STEP_SUCCEEDED, UUID.randomUUID().toString(), hostAdded(id),
                id + "/ocp-1"));
        await().atMost(WAIT).until(() -> status(id) == DeploymentStatus.CHECKING_ENVIRONMENT);
        try (TopicProbe dlq = TopicProbe.subscribe(bootstrap, Topics.deadLetter("planner-service"))) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.CHECKS, id, "{not json");
            header(poison, EventHeaders.ID, "poison-" + id);
            header(poison, EventHeaders.TYPE, EventType.ENVIRONMENT_CHECKED.ceType());
            TopicProbe.send(bootstrap, poison);
            TopicProbe.send(bootstrap, event(EventType.ENVIRONMENT_CHECKED, UUID.randomUUID().toString(),
                    new EnvironmentChecked(id, UUID.randomUUID().toString(), true, 1, List.of()), id));

            dlq.awaitMatching(r -> ("poison-" + id).equals(TopicProbe.header(r, EventHeaders.ID)), 1, WAIT);
            await().atMost(WAIT).until(() -> status(id) == DeploymentStatus.DEPLOYING);
        }
    }

    @Test
    void relayStoppedBetweenCommitAndPublish_publishesAfterRestart() {
        relay.stop();
        try (TopicProbe deployments = TopicProbe.subscribe(bootstrap, Topics.DEPLOYMENTS)) {
            String id = createDeployment();
            boolean publishedWhileStopped = deployments.drain(Duration.ofSeconds(2)).stream()
                    .anyMatch(r -> isFor(r, id, EventType.DEPLOYMENT_PLANNED));
            assertTrue(!publishedWhileStopped, "published while the relay was stopped");

            relay.start();
            ConsumerRecord<String, String> planned = deployments
                    .awaitMatching(r -> isFor(r, id, EventType.DEPLOYMENT_PLANNED), 1, WAIT).get(0);
            assertEquals(id, planned.key());
            assertEquals("/ocpha/planner-service", TopicProbe.header(planned, EventHeaders.SOURCE));
            assertEquals("1", TopicProbe.header(planned, EventHeaders.SCHEMA_VERSION));
        } finally {
            relay.start();
        }
    }

    private static DeploymentStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() ->
                DeploymentEntity.<DeploymentEntity>findById(UUID.fromString(id)).status);
    }
}
