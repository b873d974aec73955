package dev.ocpha.checker;

import static io.restassured.RestAssured.given;

import dev.ocpha.infra.LabFleetResource;
import dev.ocpha.infra.OpenApiLint;
import dev.ocpha.infra.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checker's OpenAPI document is one a client can be generated from: Redocly's recommended rules pass, every operation
 * has a typed 2xx response and the bearer requirement (tools/openapi-lint).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LabFleetResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CheckerTestResource.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    @Test
    void openApiDocument_lintsCleanAndTypesEveryOperation() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiLint.assertOperationsTyped(document, "token", Set.of());
        OpenApiLint.assertLintsClean("checker", document);
    }
}
