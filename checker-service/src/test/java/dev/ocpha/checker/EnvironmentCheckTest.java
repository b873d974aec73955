package dev.ocpha.checker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.Topics;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.TopicProbe;
import dev.ocpha.lab.LabHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
class EnvironmentCheckTest {

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private EnvironmentChecked check(List<LabHost> hosts) throws Exception {
        String id = UUID.randomUUID().toString();
        List<PlannedHost> planned = hosts.stream()
                .map(h -> new PlannedHost(h.name(), new HostAccess(h.address(), h.sshPort(), "root",
                        LabFleetResource.CREDENTIAL), "c", null, null, null, HostRoles.ALL, null))
                .toList();
        var event = new EnvironmentCheckRequested(id, "sandbox", false,
                List.of(new PlannedCluster("c", "PRIMARY", 1, null, null, "c", null, false,
                        planned.stream().map(PlannedHost::name).toList())),
                planned);
        try (TopicProbe checks = TopicProbe.subscribe(bootstrap, Topics.CHECKS)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEPLOYMENTS, id, mapper.writeValueAsString(event));
            record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.TYPE, EventType.ENVIRONMENT_CHECK_REQUESTED.ceType().getBytes(StandardCharsets.UTF_8));
            TopicProbe.send(bootstrap, record);
            String value = checks.awaitMatching(r -> id.equals(TopicProbe.header(r, EventHeaders.SUBJECT)), 1,
                    Duration.ofSeconds(60)).get(0).value();
            return mapper.readValue(value, EnvironmentChecked.class);
        }
    }

    @Test
    void reachableLabHosts_passTheOsArchitectureCheck() throws Exception {
        List<LabHost> hosts = LabFleetResource.fleet().hosts().subList(0, 2);
        EnvironmentChecked checked = check(hosts);
        assertTrue(checked.passed(), checked.problems().toString());
        assertEquals(2, checked.hostCount());
        assertTrue(checked.problems().isEmpty(), checked.problems().toString());
        given().get("/deployments/" + checked.deploymentId() + "/checks").then().statusCode(200)
                .body("passed", equalTo(true)).body("results.size()", equalTo(2));
    }

    @Test
    void hostDown_failsThatHostOnly() throws Exception {
        LabHost down = LabFleetResource.fleet().host(2);
        LabHost up = LabFleetResource.fleet().host(1);
        down.stop();
        try {
            EnvironmentChecked checked = check(List.of(up, down));
            assertFalse(checked.passed());
            CheckResult failure = checked.problems().stream().filter(r -> r.host().equals(down.name())).findFirst().orElseThrow();
            assertEquals("ssh-connection", failure.check());
            assertEquals("FAIL", failure.status());
            assertEquals("UNREACHABLE", failure.observed());
            assertTrue(checked.problems().stream().noneMatch(r -> r.host().equals(up.name())), checked.problems().toString());
        } finally {
            down.start();
        }
    }
}
