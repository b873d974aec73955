package dev.ocpha.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource pointing a service at the JVM's {@link SharedInfrastructure}. Put
 * {@code @QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)} on
 * every {@code @QuarkusTest} of a module (or use it via {@code @WithTestResource}) so Quarkus boots once.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infra = SharedInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password(),
                "quarkus.devservices.enabled", "false",
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.datasource.devservices.enabled", "false");
    }

    /** Nothing: the shared infrastructure outlives each Quarkus boot and stops with the JVM. */
    @Override
    public void stop() {
    }
}
