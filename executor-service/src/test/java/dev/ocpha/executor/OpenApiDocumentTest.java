package dev.ocpha.executor;

import static io.restassured.RestAssured.given;

import dev.ocpha.infra.OpenApiLint;
import dev.ocpha.infra.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The executor's OpenAPI document is one a client can be generated from: Redocly's recommended rules pass, every operation
 * has a typed 2xx response and the bearer requirement (tools/openapi-lint).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ExecutorLabResource.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    @Test
    void openApiDocument_lintsCleanAndTypesEveryOperation() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiLint.assertOperationsTyped(document, "token", Set.of());
        OpenApiLint.assertLintsClean("executor", document);
    }
}
