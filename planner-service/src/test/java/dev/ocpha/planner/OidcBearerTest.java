package dev.ocpha.planner;

import static io.restassured.RestAssured.given;

import dev.ocpha.infra.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An operator's identity provider by configuration only: its signing key (here a key made by the test, in place of
 * an issuer's published one) and the "groups" claim naming the role.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.IdentityProvider.class)
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class OidcBearerTest {

    static final KeyPair SIGNING = keyPair();
    static final String ISSUER = "https://idp.example.test/realms/ops";

    public static class IdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(SIGNING.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    private static String jwt(String subject, String role, Instant expires) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(role)).expiresAt(expires).sign(SIGNING.getPrivate());
    }

    @Test
    void anIdentityProvidersToken_actsWithItsRole_andItsSubjectIsAudited() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        String viewer = jwt("vera", "viewer", later);
        String operator = jwt("oscar", "operator", later);
        given().header("Authorization", "Bearer " + viewer).get("/deployments").then().statusCode(200);
        given().header("Authorization", "Bearer " + viewer).contentType("application/yaml")
                .body(Topologies.example("single-node").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/deployments").then().statusCode(403);
        String id = given().header("Authorization", "Bearer " + operator).contentType("application/yaml")
                .body(Topologies.example("single-node").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/deployments").then().statusCode(202).extract().path("id");
        given().header("Authorization", "Bearer " + operator).get("/deployments/" + id + "/report").then()
                .statusCode(200).body("audit.find { it.action == 'deploy' }.actor", org.hamcrest.Matchers.equalTo("oscar"));
        given().header("Authorization", "Bearer " + operator).get("/webhooks").then().statusCode(403);
    }

    @Test
    void anExpiredOrForeignToken_isRefused() {
        given().header("Authorization", "Bearer " + jwt("oscar", "operator", Instant.now().minusSeconds(600)))
                .get("/deployments").then().statusCode(401);
        String foreign = Jwt.issuer(ISSUER).subject("mallory").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(300)).sign(keyPair().getPrivate());
        given().header("Authorization", "Bearer " + foreign).get("/deployments").then().statusCode(401);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
