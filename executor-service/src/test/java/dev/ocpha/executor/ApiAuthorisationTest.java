package dev.ocpha.executor;

import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.RoleMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every endpoint of the executor's API (and its /tokens) answers 401 without a valid token and 403 below its role (docs/security.md). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ExecutorLabResource.class, restrictToAnnotatedClass = false)
class ApiAuthorisationTest {

    @Test
    void everyEndpoint_asksForItsRole() {
        String id = UUID.randomUUID().toString();
        RoleMatrix.assertEnforced(List.of(
                RoleMatrix.endpoint("GET", "/host-keys", "admin"),
                RoleMatrix.endpoint("DELETE", "/host-keys/203.0.113.9", "admin"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/step-runs", "viewer")));
    }
}
