package dev.ocpha.checker;

import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.RoleMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every endpoint of the checker's API (and its /tokens) answers 401 without a valid token and 403 below its role (docs/security.md). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
class ApiAuthorisationTest {

    @Test
    void everyEndpoint_asksForItsRole() {
        String id = UUID.randomUUID().toString();
        RoleMatrix.assertEnforced(List.of(
                RoleMatrix.endpoint("POST", "/checks", "operator"),
                RoleMatrix.endpoint("GET", "/checks", "viewer"),
                RoleMatrix.endpoint("GET", "/checks/" + id, "viewer"),
                RoleMatrix.endpoint("POST", "/checks/" + id + "/recheck", "operator"),
                RoleMatrix.endpoint("POST", "/checks/" + id + "/autofix", "operator"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/checks", "viewer"),
                RoleMatrix.endpoint("GET", "/reports/" + id, "viewer"),
                RoleMatrix.endpoint("GET", "/deployments/" + id + "/verification", "viewer")));
    }
}
