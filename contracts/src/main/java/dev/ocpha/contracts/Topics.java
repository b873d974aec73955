package dev.ocpha.contracts;

import java.util.List;

/**
 * Kafka topic names. One producing service per topic: {@code ocpha.<owner>.<stream>}.
 * Each consuming service also owns a dead-letter topic, {@code ocpha.<service>.dlq}.
 */
public final class Topics {

    /** Deployment lifecycle, published by the planner. Key: deployment id. */
    public static final String DEPLOYMENTS = "ocpha.planner.deployments";
    /** Step commands, published by the planner. Key: {@code deploymentId/host}. */
    public static final String STEP_COMMANDS = "ocpha.planner.step-commands";
    /** Step outcomes, published by the executors. Key: {@code deploymentId/host}. */
    public static final String STEP_EVENTS = "ocpha.executor.step-events";
    /** Environment check and verification results, published by the checker. Key: deployment id. */
    public static final String CHECKS = "ocpha.checker.checks";
    /** Topology facts, published by the registry. Key: deployment id. */
    public static final String TOPOLOGY = "ocpha.registry.topology";

    public static final List<String> EVENT_TOPICS = List.of(DEPLOYMENTS, STEP_COMMANDS, STEP_EVENTS, CHECKS, TOPOLOGY);

    private Topics() {
    }

    public static String deadLetter(String service) {
        return "ocpha." + service + ".dlq";
    }

    /** Key that spreads one deployment's hosts over partitions while keeping one host's steps in order. */
    public static String hostKey(String deploymentId, String host) {
        return deploymentId + "/" + host;
    }
}
