package dev.ocpha.checker;

import static dev.ocpha.infra.RoleMatrix.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.Event;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.HostChecked;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.LabHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
class DeploymentCheckEventsTest {

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static PlannedHost planned(LabHost host, List<String> roles) {
        return new PlannedHost(host.name(), new HostAccess(host.address(), host.sshPort(), "root",
                LabFleetResource.CREDENTIAL), "ocp-a", null, null, null, roles, null);
    }

    void send(Event event, EventType type) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEPLOYMENTS, event.deploymentId(),
                mapper.writeValueAsString(event));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(bootstrap, record);
    }

    static boolean of(ConsumerRecord<String, String> record, String deploymentId, EventType type) {
        return deploymentId.equals(TopicProbe.header(record, EventHeaders.SUBJECT))
                && type.ceType().equals(TopicProbe.header(record, EventHeaders.TYPE));
    }

    @Test
    void environmentCheckRequested_publishesEachHostAndTheSummary_andKeepsTheHistory() throws Exception {
        List<LabHost> hosts = LabFleetResource.fleet().hosts().subList(0, 2);
        String id = UUID.randomUUID().toString();
        List<PlannedHost> planned = hosts.stream().map(h -> planned(h, List.of(HostRoles.OCP_SERVER))).toList();
        var request = new EnvironmentCheckRequested(id, "sandbox", false, List.of(new PlannedCluster("ocp-a", "PRIMARY",
                1, null, null, "ocp-a-meta", null, false, planned.stream().map(PlannedHost::name).toList())), planned);
        try (TopicProbe checks = TopicProbe.subscribe(bootstrap, Topics.CHECKS)) {
            send(request, EventType.ENVIRONMENT_CHECK_REQUESTED);
            EnvironmentChecked summary = mapper.readValue(checks.awaitMatching(r -> of(r, id, EventType.ENVIRONMENT_CHECKED),
                    1, Duration.ofSeconds(90)).get(0).value(), EnvironmentChecked.class);
            List<HostChecked> perHost = checks.awaitMatching(r -> of(r, id, EventType.HOST_CHECKED), 2, Duration.ofSeconds(5))
                    .stream().map(r -> read(r.value())).toList();
            assertEquals(2, summary.hostCount());
            assertEquals(hosts.stream().map(LabHost::name).sorted().toList(),
                    perHost.stream().map(HostChecked::host).sorted().toList());
            perHost.forEach(h -> assertEquals(summary.checkRunId(), h.checkRunId()));
            assertEquals(perHost.stream().allMatch(HostChecked::passed), summary.passed());
            assertTrue(perHost.stream().allMatch(h -> h.results().stream()
                    .anyMatch(r -> r.check().equals("cpu-cores") && r.status().equals("PASS"))));
            assertTrue(summary.problems().stream().noneMatch(r -> r.status().equals("PASS")));

            JsonPath latest = asAdmin().get("/deployments/" + id + "/checks").then().statusCode(200).extract().jsonPath();
            assertEquals(summary.checkRunId(), latest.getString("latest.runId"));
            String recheck = asAdmin().post("/checks/" + summary.checkRunId() + "/recheck").then().statusCode(202)
                    .extract().path("runId");
            CheckRuns.await(recheck);
            checks.awaitMatching(r -> of(r, id, EventType.ENVIRONMENT_CHECKED), 2, Duration.ofSeconds(30));
            JsonPath history = asAdmin().get("/deployments/" + id + "/checks").then().statusCode(200).extract().jsonPath();
            assertEquals(recheck, history.getString("latest.runId"));
            assertEquals(List.of(recheck, summary.checkRunId()), history.getList("history.runId"));
        }
    }

    @Test
    void invalidRequest_failsTheCheckNamingTheField_insteadOfStallingTheDeployment() throws Exception {
        LabHost host = LabFleetResource.fleet().host(0);
        String id = UUID.randomUUID().toString();
        PlannedHost bad = planned(host, List.of("WEB"));
        try (TopicProbe checks = TopicProbe.subscribe(bootstrap, Topics.CHECKS)) {
            send(new EnvironmentCheckRequested(id, "sandbox", false, List.of(), List.of(bad)),
                    EventType.ENVIRONMENT_CHECK_REQUESTED);
            EnvironmentChecked summary = mapper.readValue(checks.awaitMatching(r -> of(r, id, EventType.ENVIRONMENT_CHECKED),
                    1, Duration.ofSeconds(60)).get(0).value(), EnvironmentChecked.class);
            assertFalse(summary.passed());
            assertEquals("request:hosts[0].roles[0]", summary.problems().get(0).check());
            assertTrue(summary.problems().get(0).message().contains("unknown role 'WEB'"));
        }
    }

    private HostChecked read(String json) {
        try {
            return mapper.readValue(json, HostChecked.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
