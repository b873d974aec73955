package dev.ocpha.planner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.model.PlannedStep;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeardownTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single-node", "multi-node", "multi-cluster", "multi-az"})
    void removeMetaDb_getsTheMediaAndDirectoriesItsCreateMetaDbWasGiven(String example) {
        Plan plan = GoldenPlanTest.plan(example);
        Map<String, PlannedStep> created = byHost(plan.steps(), StepKinds.CREATE_METADB);
        Map<String, PlannedStep> removed = byHost(PlanBuilder.teardown(plan), StepKinds.REMOVE_METADB);
        assertEquals(created.keySet(), removed.keySet(), "one REMOVE_METADB per CREATE_METADB host");
        removed.forEach((host, remove) -> {
            Map<String, String> expected = new TreeMap<>();
            expected.put("media", created.get(host).parameters().get("media"));
            expected.put("mediaDir", created.get(host).parameters().get("mediaDir"));
            for (String directory : StepKinds.METADB_DIRECTORIES) {
                expected.put(directory, created.get(host).parameters().get(directory));
            }
            assertEquals(expected, new TreeMap<>(remove.parameters()), "REMOVE_METADB on " + host);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single-node", "multi-node", "multi-cluster", "multi-az"})
    void removeOcp_getsTheContainerItsInstallOcpCreated_andRunsBeforeTheMetaDbGoes(String example) {
        Plan plan = GoldenPlanTest.plan(example);
        List<PlannedStep> teardown = PlanBuilder.teardown(plan);
        Map<String, PlannedStep> installed = byHost(plan.steps(), StepKinds.INSTALL_OCP);
        Map<String, PlannedStep> removed = byHost(teardown, StepKinds.REMOVE_OCP);
        assertEquals(installed.keySet(), removed.keySet(), "one REMOVE_OCP per INSTALL_OCP host");
        removed.forEach((host, remove) -> assertEquals(Map.of("container",
                installed.get(host).parameters().get("container")), remove.parameters(), "REMOVE_OCP on " + host));
        for (PlannedStep remove : teardown) {
            if (remove.kind().equals(StepKinds.REMOVE_METADB)) {
                Set<String> ocpOfCluster = removed.values().stream().filter(s -> s.cluster().equals(remove.cluster()))
                        .map(PlannedStep::stepId).collect(Collectors.toSet());
                assertEquals(ocpOfCluster, Set.copyOf(remove.dependsOn()), remove.stepId() + " waits for the cluster's OCP nodes");
            }
        }
    }

    private static Map<String, PlannedStep> byHost(List<PlannedStep> steps, String kind) {
        return steps.stream().filter(s -> s.kind().equals(kind)).collect(Collectors.toMap(PlannedStep::host, s -> s));
    }
}
