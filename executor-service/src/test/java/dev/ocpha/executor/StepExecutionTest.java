package dev.ocpha.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.executor.persistence.StepRunEntity;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.LabHost;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
class StepExecutionTest {

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private void send(StepRequested request, String eventId) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.STEP_COMMANDS,
                Topics.hostKey(request.deploymentId(), request.host()), mapper.writeValueAsString(request));
        record.headers().add(EventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, EventType.STEP_REQUESTED.ceType().getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(bootstrap, record);
    }

    private static StepRequested request(String kind, LabHost host) {
        return new StepRequested(UUID.randomUUID().toString(), "step@" + host.name(), kind, "test step", host.name(),
                "c", new HostAccess(host.address(), host.sshPort(), "root", LabFleetResource.CREDENTIAL),
                Map.of("directories", "ocp-server,data/files"), 60, 1, 1);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, EventHeaders.TYPE);
    }

    @Test
    void stepCommand_runsOverSshAndReportsStartedThenSucceeded() throws Exception {
        LabHost host = LabFleetResource.fleet().host(0);
        StepRequested request = request(StepKinds.PREPARE_HOST, host);
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(request, UUID.randomUUID().toString());
            List<ConsumerRecord<String, String>> outcome = events.awaitMatching(
                    r -> request.deploymentId().equals(TopicProbe.header(r, EventHeaders.SUBJECT)), 2, Duration.ofSeconds(30));
            assertEquals(EventType.STEP_STARTED.ceType(), type(outcome.get(0)));
            assertEquals(EventType.STEP_SUCCEEDED.ceType(), type(outcome.get(1)));
            assertEquals(Topics.hostKey(request.deploymentId(), host.name()), outcome.get(1).key());
        }
        assertTrue(Files.isDirectory(host.root().resolve("root/ocp-server")));
        assertTrue(Files.isDirectory(host.root().resolve("root/data/files")));
    }

    @Test
    void sameCommandDeliveredTwice_runsOnce() throws Exception {
        LabHost host = LabFleetResource.fleet().host(1);
        StepRequested request = request(StepKinds.PREPARE_HOST, host);
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(request, UUID.randomUUID().toString());
            send(request, UUID.randomUUID().toString());
            events.awaitMatching(r -> request.deploymentId().equals(TopicProbe.header(r, EventHeaders.SUBJECT)), 2,
                    Duration.ofSeconds(30));
            long outcomes = events.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> request.deploymentId().equals(TopicProbe.header(r, EventHeaders.SUBJECT))).count();
            assertEquals(2, outcomes, "one StepStarted and one StepSucceeded");
        }
        long runs = QuarkusTransaction.requiringNew().call(() ->
                StepRunEntity.count("deploymentId", UUID.fromString(request.deploymentId())));
        assertEquals(1, runs);
    }

    @Test
    void unknownStepKind_failsPermanently() throws Exception {
        LabHost host = LabFleetResource.fleet().host(0);
        StepRequested request = request("NO_SUCH_STEP", host);
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            send(request, UUID.randomUUID().toString());
            ConsumerRecord<String, String> failed = events.awaitMatching(
                    r -> request.deploymentId().equals(TopicProbe.header(r, EventHeaders.SUBJECT)), 1, Duration.ofSeconds(30)).get(0);
            assertEquals(EventType.STEP_FAILED.ceType(), type(failed));
            StepFailed event = mapper.readValue(failed.value(), StepFailed.class);
            assertFalse(event.retryable());
            assertTrue(event.reason().contains("NO_SUCH_STEP"));
        }
    }

    @Test
    void hostDown_failsRetryably() throws Exception {
        LabHost host = LabFleetResource.fleet().host(2);
        host.stop();
        try (TopicProbe events = TopicProbe.subscribe(bootstrap, Topics.STEP_EVENTS)) {
            StepRequested request = request(StepKinds.PREPARE_HOST, host);
            send(request, UUID.randomUUID().toString());
            ConsumerRecord<String, String> failed = events.awaitMatching(r -> request.deploymentId()
                    .equals(TopicProbe.header(r, EventHeaders.SUBJECT)) && type(r).equals(EventType.STEP_FAILED.ceType()),
                    1, Duration.ofSeconds(30)).get(0);
            assertTrue(mapper.readValue(failed.value(), StepFailed.class).retryable());
        } finally {
            host.start();
        }
    }
}
