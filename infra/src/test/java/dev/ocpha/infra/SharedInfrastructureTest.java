package dev.ocpha.infra;

import static dev.ocpha.infra.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

    @Test
    void getReturnsTheSameInstanceTwice() {
        SharedInfrastructure first = timed("SharedInfrastructure.get (first, both in parallel)", SharedInfrastructure::get);
        assertSame(first, SharedInfrastructure.get());
    }

    @Test
    void testResourcePointsQuarkusAtTheSharedBrokerAndDatabase() throws Exception {
        SharedInfrastructure shared = SharedInfrastructure.get();
        Map<String, String> config = new RealInfrastructureResource().start();

        assertEquals(shared.kafkaBootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals(shared.jdbcUrl(), config.get("quarkus.datasource.jdbc.url"));
        assertEquals("false", config.get("quarkus.devservices.enabled"));
        assertEquals("false", config.get("quarkus.kafka.devservices.enabled"));
        assertEquals("false", config.get("quarkus.datasource.devservices.enabled"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers")))) {
            assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        }
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertEquals("ocpha", c.getCatalog());
        }
    }
}
