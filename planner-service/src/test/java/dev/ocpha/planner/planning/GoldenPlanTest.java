package dev.ocpha.planner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocpha.contracts.Facts;
import dev.ocpha.contracts.model.PlannedStep;
import dev.ocpha.planner.Topologies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan of every example topology against its checked-in golden file (src/test/resources/plans). After an
 * intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenPlanTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "plans");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Plan plan(String example) {
        return Topologies.plan(Topologies.valid(Topologies.example(example)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single-node", "multi-node", "multi-cluster", "multi-az", "multi-cluster-multi-az",
            "sandbox-lab"})
    void plan_matchesItsGoldenFile(String example) throws IOException {
        String actual = JSON.writeValueAsString(plan(example)) + "\n";
        Path golden = GOLDEN.resolve(example + ".json");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, actual);
        }
        JsonNode expected = JSON.readTree(Files.readString(golden));
        assertEquals(expected, JSON.readTree(actual), "plan of " + example + " differs from " + golden);
    }

    @Test
    void singleNode_followsTheSeedProcedureInOrder() {
        Plan plan = plan("single-node");
        Map<String, String> install = byId(plan).get("install-ocp@ocp-1").parameters();
        assertEquals("http://" + install.get("metaDbHost") + ":8080", install.get("siteUrl"), "a single node's own URL");
        assertEquals(List.of("prepare-host@ocp-1", "prepare-media@ocp-1", "create-metadb@ocp-1",
                "bootstrap-metadb@single", "start-obproxy@ocp-1", "install-ocp@ocp-1", "wait-ocp-healthy@ocp-1"), plan.steps().stream().map(PlannedStep::stepId).toList());
        assertEquals(List.of("prepare-environment", "deploy:single", "post-deployment-check"),
                plan.phases().stream().map(Plan.Phase::name).toList());
        assertEquals(List.of(Facts.nodeRegistered("ocp-1"), Facts.clusterActive("single")), plan.expectedFacts());
    }

    @Test
    void multiCluster_enablesTheModeOnEveryNodeWithItsClusterRole() {
        Map<String, PlannedStep> steps = byId(plan("multi-cluster"));
        assertTrue(steps.values().stream().allMatch(s -> s.awaitsFacts().isEmpty()), "nothing planned awaits a fact");
        // one step per node: each sets the mode in its cluster's MetaDB and restarts its own instance
        assertEquals(List.of("install-ocp@hz-1"), steps.get("enable-multi-cluster@hz-1").dependsOn().stream()
                .map(dep -> steps.get(dep).dependsOn().get(0)).toList());
        assertEquals("FOLLOWER", steps.get("enable-multi-cluster@sh-1").parameters().get("clusterRole"));
        assertEquals("2", steps.get("enable-multi-cluster@sh-1").parameters().get("clusterId"));
        assertEquals("LEADER", steps.get("enable-multi-cluster@hz-1").parameters().get("clusterRole"));
        // Clusters deploy side by side: nothing of the standby depends on a primary step.
        assertTrue(steps.values().stream().filter(s -> "ocp-sh".equals(s.cluster()))
                .flatMap(s -> s.dependsOn().stream()).allMatch(dep -> steps.get(dep).cluster().equals("ocp-sh")));
    }

    @Test
    void multiAz_placesOneReplicaPerAzAndLeavesParametersToTheRegistry() {
        Plan plan = plan("multi-az");
        assertEquals(List.of("az1-ocp", "az2-ocp", "az3-ocp"),
                plan.azs().stream().map(a -> a.metaDbHost()).toList());
        assertEquals(List.of("az1-ocp", "az1-ocp-b"), plan.azs().get(0).ocpHosts());
        assertEquals("http://10.0.1.100:80", plan.azs().get(0).accessAddress());
        assertEquals("10.0.1.101:2883", plan.azs().get(0).metaDbProxy());
        Map<String, String> install = byId(plan).get("install-ocp@az3-ocp").parameters();
        // the first start gets the cluster's address; the AZ's own come from the registry's APPLY_AZ_PARAMETERS
        assertEquals("http://10.0.1.1:8080", install.get("siteUrl"), "no access address: the first OCP node's URL");
        assertEquals("10.0.3.1", install.get("metaDbHost"), "the node's own OBProxy: a lost host takes only itself");
        assertFalse(install.containsKey("monitorDbHost"),
                "OCP keeps ocp.monitordb.host cluster-wide: pinned at first start it would name one node for all");
        assertEquals("10.0.1.1", byId(plan).get("install-ocp@az1-ocp-b").parameters().get("metaDbHost"));
        assertTrue(plan.expectedFacts().containsAll(List.of(Facts.azActive("az1"), Facts.azActive("az3"))));
    }

    @Test
    void criticalPath_runsThroughThePrimaryActivationAndTheRegistration() {
        Plan.CriticalPath path = plan("multi-cluster").criticalPath();
        List<String> ids = path.path().stream().map(Plan.Segment::id).toList();
        assertEquals("prepare-host@hz-1", ids.get(0));
        assertTrue(ids.contains("environment-check"), ids.toString());
        assertTrue(ids.contains("register-standby@ocp-sh"), ids.toString());
        assertEquals("post-deployment-check", ids.get(ids.size() - 1));
        assertEquals(path.estimatedSeconds(), path.path().stream().mapToInt(Plan.Segment::estimatedSeconds).sum());
    }

    @Test
    void noPlan_carriesASecretOnlyReferences() throws IOException {
        String json = JSON.writeValueAsString(plan("multi-cluster-multi-az"));
        assertTrue(json.contains("\"adminPasswordRef\" : \"ocp-admin\""));
        assertFalse(json.toLowerCase().contains("\"password\""));
    }

    private static Map<String, PlannedStep> byId(Plan plan) {
        return plan.steps().stream().collect(Collectors.toMap(PlannedStep::stepId, s -> s));
    }
}
