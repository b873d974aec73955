package dev.ocpha.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's role table checked against the running service (each service's test profile configures these tokens):
 * every endpoint answers 401 problem+json without a token and with a wrong one, 403 to a role below its own, and
 * neither to its role or a higher one.
 */
public final class RoleMatrix {

    /** Test tokens by role, lowest first (see the {@code %test.ocpha.auth.*} properties of each service). */
    public static final Map<String, String> TOKENS = Map.of("viewer", "viewer-token", "operator", "operator-token",
            "admin", "test-token");
    private static final List<String> ROLES = List.of("viewer", "operator", "admin");

    private RoleMatrix() {
    }

    /** An endpoint and the lowest role that may call it. */
    public record Endpoint(String method, String path, String role) {
    }

    /** A request as the test profile's admin (the bootstrap token). */
    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + TOKENS.get("admin"));
    }

    public static Endpoint endpoint(String method, String path, String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role);
        }
        return new Endpoint(method, path, role);
    }

    /** The service's own endpoints, and the token endpoints every service has (platform's AccessTokenResource). */
    public static void assertEnforced(List<Endpoint> serviceEndpoints) {
        String id = java.util.UUID.randomUUID().toString();
        List<Endpoint> endpoints = new ArrayList<>(serviceEndpoints);
        endpoints.addAll(List.of(endpoint("POST", "/tokens", "admin"), endpoint("GET", "/tokens", "admin"),
                endpoint("POST", "/tokens/" + id + "/rotate", "admin"), endpoint("DELETE", "/tokens/" + id, "admin")));
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            expect(wrong, e, "no token", call(given(), e), 401);
            expect(wrong, e, "a wrong token", call(given().header("Authorization", "Bearer ocpha_not-a-token"), e), 401);
            expect(wrong, e, "a malformed token", call(given().header("Authorization", "Bearer wrong"), e), 401);
            for (String role : ROLES) {
                Response response = call(given().header("Authorization", "Bearer " + TOKENS.get(role)), e);
                boolean allowed = ROLES.indexOf(role) >= ROLES.indexOf(e.role());
                int status = response.statusCode();
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(e + " as " + role + ": " + status + " " + response.asString());
                } else if (!allowed) {
                    expect(wrong, e, "role " + role, response, 403);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void expect(List<String> wrong, Endpoint e, String with, Response response, int status) {
        if (response.statusCode() != status) {
            wrong.add(e + " with " + with + ": expected " + status + ", got " + response.statusCode() + " "
                    + response.asString());
        } else {
            assertEquals("application/problem+json", response.contentType().split(";")[0], e + " with " + with);
        }
    }

    /** A body a client would send (an empty JSON object), so that only the token decides. */
    private static Response call(RequestSpecification request, Endpoint e) {
        if (e.method().equals("POST") || e.method().equals("PUT")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(e.method(), e.path());
    }
}
