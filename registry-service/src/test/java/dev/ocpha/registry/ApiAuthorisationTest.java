package dev.ocpha.registry;

import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.RoleMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every endpoint of the registry's API (and its /tokens) answers 401 without a valid token and 403 below its role (docs/security.md). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class ApiAuthorisationTest {

    @Test
    void everyEndpoint_asksForItsRole() {
        String id = UUID.randomUUID().toString();
        RoleMatrix.assertEnforced(List.of(
                RoleMatrix.endpoint("GET", "/clusters", "viewer"),
                RoleMatrix.endpoint("GET", "/clusters/" + id, "viewer"),
                RoleMatrix.endpoint("GET", "/azs", "viewer"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/topology", "viewer")));
    }
}
