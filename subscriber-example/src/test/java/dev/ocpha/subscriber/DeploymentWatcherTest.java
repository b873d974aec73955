package dev.ocpha.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.infra.SharedInfrastructure;
import dev.ocpha.infra.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeploymentWatcherTest {

    static String bootstrap;

    @BeforeAll
    static void topics() throws Exception {
        bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            admin.createTopics(DeploymentWatcher.TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
        }
    }

    private static String send(String topic, String deployment, String type, String json) {
        String id = UUID.randomUUID().toString();
        send(topic, deployment, type, json, id);
        return id;
    }

    private static void send(String topic, String deployment, String type, String json, String id) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, deployment, json);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", deployment.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-11-24T10:00:00Z".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(bootstrap, record);
    }

    @Test
    void startedAfterTheDeploymentBegan_printsItsWholeHistoryOnceAndStopsAtTheEnd() {
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send("ocpha.planner.deployments", id, "ocpha.DeploymentPlanned",
                "{\"name\":\"demo\",\"modes\":[\"MULTI_NODE\"],\"ocpVersion\":\"4.2.2\",\"hosts\":[{},{},{}],\"steps\":[{}]}");
        send("ocpha.planner.deployments", other, "ocpha.DeploymentPlanned", "{\"name\":\"someone-else\"}");
        String started = send("ocpha.executor.step-events", id, "ocpha.StepStarted",
                "{\"stepId\":\"install-ocp@host-1\",\"executorId\":\"executor-2\"}");
        send("ocpha.executor.step-events", id, "ocpha.StepStarted",
                "{\"stepId\":\"install-ocp@host-1\",\"executorId\":\"executor-2\"}", started); // redelivered
        send("ocpha.registry.topology", id, "ocpha.StandbyBound",
                "{\"standbyCluster\":\"ocp-sh\",\"primaryCluster\":\"ocp-bj\"}");
        send("ocpha.planner.deployments", id, "ocpha.DeploymentSucceeded", "{\"stepCount\":12,\"durationMillis\":61000}");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new CommandLine(new DeploymentWatcher(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("--bootstrap-servers", bootstrap, "--deployment", id, "--until-finished");

        assertEquals(0, exit);
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(line -> line.contains(id.substring(0, 8))), "only the watched deployment");
        assertTrue(lines.stream().anyMatch(l -> l.contains("DeploymentPlanned") && l.contains("demo: MULTI_NODE, OCP 4.2.2, 3 hosts")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("StepStarted") && l.contains("install-ocp@host-1 by executor-2")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("ocp-sh bound to ocp-bj")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("SUCCEEDED: 12 steps in 61 s")));
    }

    @Test
    void untilFinishedWithoutADeployment_isAUsageError() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new DeploymentWatcher(new PrintStream(printed)));
        command.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(2, command.execute("--bootstrap-servers", bootstrap, "--until-finished"));
    }
}
