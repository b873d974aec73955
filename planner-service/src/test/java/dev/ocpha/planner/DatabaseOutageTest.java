package dev.ocpha.planner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.infra.RealInfrastructureResource;
import dev.ocpha.infra.SharedInfrastructure;
import dev.ocpha.platform.api.DatabaseOutage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The planner while its PostgreSQL is down: 503 problem+json with Retry-After (also for a caller whose API token is
 * kept in the database), one WARN for the outage, the event stream
 * ending with a reconnect event; afterwards the API answers again and the stream resumes after Last-Event-ID. Stops
 * the database every test of the JVM shares, so it runs alone and restarts it whatever happens.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@Isolated
class DatabaseOutageTest {

    @Inject
    DatabaseOutage database;

    private static final Pattern EVENT_ID = Pattern.compile("(?m)^id:\\s*(\\d+)$");

    @Test
    void databaseDown_answers503WithRetryAfter_endsTheStreamWithReconnect_andRecovers() throws Exception {
        String id = Api.submit("single-node");
        CompletableFuture<String> stream = CompletableFuture.supplyAsync(() -> Api.given().accept("text/event-stream")
                .get("/deployments/" + id + "/events").then().statusCode(200).extract().asString());
        // The stream has sent the history and polls for more.
        await().atMost(Api.WAIT).until(() -> Api.given().get("/deployments/" + id).statusCode() == 200);
        Thread.sleep(1000);

        // A token kept in the database: its check needs PostgreSQL too.
        String stored = Api.given().contentType("application/json")
                .body("{\"name\":\"outage-viewer\",\"role\":\"viewer\"}").post("/tokens")
                .then().statusCode(201).extract().path("token");

        long outagesBefore = database.outages();
        String history;
        try (SharedInfrastructure.PostgresOutage outage = SharedInfrastructure.get().stopPostgres()) {
            long began = System.nanoTime();
            for (String path : List.of("/deployments/" + id, "/deployments", "/deployments/" + id + "/report")) {
                Api.given().get(path).then().statusCode(503)
                        .contentType(containsString("application/problem+json"))
                        .header("Retry-After", equalTo("5"))
                        .body("status", equalTo(503)).body("detail", containsString("database"))
                        .body("correlationId", notNullValue());
            }
            assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(20), "503s took too long");
            Api.given().queryParam("reason", "x").post("/deployments/" + id + "/cancel").then().statusCode(503);
            io.restassured.RestAssured.given().header("Authorization", "Bearer " + stored).get("/deployments/" + id)
                    .then().statusCode(503).contentType(containsString("application/problem+json"))
                    .header("Retry-After", equalTo("5")).body("detail", containsString("database"));

            history = stream.get(30, TimeUnit.SECONDS);
            assertTrue(history.contains("event:reconnect"), history);
            assertTrue(history.contains("retry:5000"), history);
            assertTrue(history.trim().endsWith("}"), history);
            assertTrue(database.isDown());
        }
        // Four failed calls and a failed stream are one outage: one WARN, not one per request.
        assertEquals(outagesBefore + 1, database.outages());

        // Back: the next call works, and the stream resumes after the last event the client got.
        Api.given().get("/deployments/" + id).then().statusCode(200);
        assertFalse(database.isDown(), "the pool made a connection: the outage is over");
        Api.given().queryParam("reason", "after the outage").post("/deployments/" + id + "/cancel")
                .then().statusCode(202);
        long last = lastId(history);
        String resumed = Api.given().accept("text/event-stream").header("Last-Event-ID", Long.toString(last))
                .get("/deployments/" + id + "/events").then().statusCode(200).extract().asString();
        assertTrue(resumed.contains("after the outage"), resumed);
        Matcher ids = EVENT_ID.matcher(resumed);
        while (ids.find()) {
            assertTrue(Long.parseLong(ids.group(1)) > last, "resumed after " + last + ": " + resumed);
        }
    }

    private static long lastId(String stream) {
        Matcher ids = EVENT_ID.matcher(stream);
        long last = -1;
        while (ids.find()) {
            last = Long.parseLong(ids.group(1));
        }
        assertTrue(last > 0, "the stream sent events before the outage: " + stream);
        return last;
    }
}
