package dev.ocpha.planner.planning;

import dev.ocpha.contracts.Facts;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.model.PlannedAz;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest chain of dependent work in a plan, with per-kind estimates ({@link StepCatalog}). Besides the planned
 * steps it counts the checker's environment check and post-deployment check and the registry-asked steps a fact
 * stands for (a standby's registration waits for the primary to be active; an AZ's parameters for its nodes).
 */
final class CriticalPathEstimator {

    static final String ENVIRONMENT_CHECK = "environment-check";
    static final String VERIFICATION = Plan.POST_DEPLOYMENT_CHECK;

    /** Earliest finish of each piece of work and the piece that made it wait longest. */
    private final Map<String, Integer> finish = new HashMap<>();
    private final Map<String, String> previous = new HashMap<>();
    private final Map<String, Integer> estimate = new HashMap<>();
    private final Plan plan;

    private CriticalPathEstimator(Plan plan) {
        this.plan = plan;
    }

    static Plan.CriticalPath estimate(Plan plan) {
        return new CriticalPathEstimator(plan).run();
    }

    private Plan.CriticalPath run() {
        List<String> prepared = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            if (step.phase().equals(Plan.PREPARE_ENVIRONMENT)) {
                schedule(step.stepId(), StepCatalog.estimateSeconds(step.kind()), List.of());
                prepared.add(step.stepId());
            }
        }
        schedule(ENVIRONMENT_CHECK, StepCatalog.ENVIRONMENT_CHECK_ESTIMATE, prepared);
        for (PlannedStep step : plan.steps()) {
            if (step.phase().equals(Plan.PREPARE_ENVIRONMENT)) {
                continue;
            }
            List<String> after = new ArrayList<>(step.dependsOn());
            after.add(ENVIRONMENT_CHECK);
            step.awaitsFacts().forEach(fact -> after.add(fact(fact)));
            schedule(step.stepId(), StepCatalog.estimateSeconds(step.kind()), after);
        }
        List<String> everything = new ArrayList<>(finish.keySet());
        plan.expectedFacts().forEach(fact -> everything.add(fact(fact)));
        schedule(VERIFICATION, StepCatalog.VERIFICATION_ESTIMATE, everything);
        List<Plan.Segment> path = new ArrayList<>();
        for (String at = VERIFICATION; at != null; at = previous.get(at)) {
            if (estimate.get(at) > 0) {
                path.add(new Plan.Segment(at, estimate.get(at)));
            }
        }
        Collections.reverse(path);
        return new Plan.CriticalPath(finish.get(VERIFICATION), path);
    }

    private void schedule(String id, int seconds, List<String> after) {
        int start = 0;
        String waitedFor = null;
        for (String before : after.stream().sorted().toList()) {
            Integer done = finish.get(before);
            if (done != null && done > start) {
                start = done;
                waitedFor = before;
            }
        }
        finish.put(id, start + seconds);
        estimate.put(id, seconds);
        previous.put(id, waitedFor);
    }

    /** Schedules the work behind a registry fact (once) and returns the id it finishes under. */
    private String fact(String fact) {
        if (finish.containsKey(fact)) {
            return fact;
        }
        if (fact.startsWith(Facts.nodeRegistered(""))) {
            String host = fact.substring(Facts.nodeRegistered("").length());
            schedule(fact, 0, List.of(lastStepOn(host)));
        } else if (fact.startsWith(Facts.standbyBound(""))) {
            String standby = fact.substring(Facts.standbyBound("").length());
            List<String> after = new ArrayList<>(clusterActive(primary()));
            cluster(standby).hosts().forEach(h -> {
                if (ocpNode(h)) {
                    after.add(fact(Facts.nodeRegistered(h)));
                }
            });
            String registration = StepKinds.registerStandbyStepId(standby);
            schedule(registration, StepCatalog.estimateSeconds(StepKinds.REGISTER_STANDBY), after);
            schedule(fact, 0, List.of(registration));
        } else if (fact.startsWith(Facts.azActive(""))) {
            PlannedAz az = az(fact.substring(Facts.azActive("").length()));
            List<String> after = az.ocpHosts().stream().map(h -> fact(Facts.nodeRegistered(h))).toList();
            String parameters = "apply-az-parameters@" + az.name();
            schedule(parameters, StepCatalog.estimateSeconds(StepKinds.APPLY_AZ_PARAMETERS), after);
            schedule(fact, 0, List.of(parameters));
        } else if (fact.startsWith(Facts.clusterActive(""))) {
            PlannedCluster cluster = cluster(fact.substring(Facts.clusterActive("").length()));
            List<String> after = new ArrayList<>(clusterActive(cluster));
            if (!cluster.role().equals("PRIMARY")) {
                after.add(fact(Facts.standbyBound(cluster.name())));
            }
            schedule(fact, 0, after);
        }
        return fact;
    }

    /** A cluster is active once every node is installed (and in multi-cluster mode) and every AZ got its parameters. */
    private List<String> clusterActive(PlannedCluster cluster) {
        List<String> done = new ArrayList<>();
        for (String host : cluster.hosts()) {
            if (!ocpNode(host)) {
                continue;
            }
            String az = plan.host(host).az();
            done.add(az != null ? fact(Facts.azActive(az)) : lastStepOn(host));
        }
        return done;
    }

    private boolean ocpNode(String host) {
        return plan.host(host).roles().contains("OCP_SERVER");
    }

    private String lastStepOn(String host) {
        String last = null;
        for (PlannedStep step : plan.steps()) {
            if (step.host().equals(host) && finish.containsKey(step.stepId())) {
                last = step.stepId();
            }
        }
        return last;
    }

    private PlannedCluster primary() {
        return plan.clusters().stream().filter(c -> c.role().equals("PRIMARY")).findFirst().orElseThrow();
    }

    private PlannedCluster cluster(String name) {
        return plan.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private PlannedAz az(String name) {
        return plan.azs().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
