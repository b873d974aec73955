package dev.ocpha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command against real HTTP servers answering as the services document (docs/services/*.md). */
@Timeout(30)
class OcphaCliTest {

    static final String ID = "7b1e2c4a-0f3d-4e8b-9a41-2d6c5f0e9b17";
    static final String TOKEN = "ocpha_S3cr3tValueThatMustNotBePrinted";
    static final ObjectMapper JSON = new ObjectMapper();

    final FakeService planner = new FakeService();
    final FakeService checker = new FakeService();
    final FakeService registry = new FakeService();
    final FakeService executor1 = new FakeService();
    final FakeService executor2 = new FakeService();

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @AfterEach
    void stop() {
        List.of(planner, checker, registry, executor1, executor2).forEach(FakeService::close);
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("OCPHA_PLANNER_URL", planner.url());
        env.put("OCPHA_CHECKER_URL", checker.url());
        env.put("OCPHA_REGISTRY_URL", registry.url());
        env.put("OCPHA_EXECUTOR_URLS", executor1.url() + "," + executor2.url());
        env.put("OCPHA_TOKEN", TOKEN);
        return env;
    }

    Run run(String... args) {
        return run(env(), false, args);
    }

    Run run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ocpha.commandLine(new Ocpha(env, terminal, Duration.ofMillis(10)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        Run run = new Run(code, out.toString(), err.toString());
        assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), "the caller's token was printed");
        return run;
    }

    static String sse(String id, String event, String data) {
        return "id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n";
    }

    static String deployment(String status, int steps) {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= steps; i++) {
            list.append(i > 1 ? "," : "").append("{\"stepId\":\"prepare-host@h").append(i)
                    .append("\",\"host\":\"h").append(i).append("\",\"status\":\"PENDING\",\"attempts\":0}");
        }
        return """
                {"id":"%s","name":"lab","modes":["multi-node"],"status":"%s","estimatedSeconds":600,
                 "phases":[{"name":"prepare-environment","status":"PENDING","gates":[],"steps":[%s]}]}"""
                .formatted(ID, status, list);
    }

    // ---- watch -------------------------------------------------------------------------------------------------

    @Test
    void watch_resumesAfterADroppedStream_andExitsOneOnFailure() {
        AtomicInteger connections = new AtomicInteger();
        planner.json("GET /deployments/" + ID, 200, deployment("PREPARING_HOSTS", 2));
        planner.route("GET /deployments/" + ID + "/events", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            if (connections.incrementAndGet() == 1) {
                // a length the body never reaches, then the connection closed: a drop mid-event, as when a proxy cuts it
                exchange.sendResponseHeaders(200, 100_000);
                OutputStream body = exchange.getResponseBody();
                body.write((": connected\n\n"
                        + sse("1", "status", "{\"status\":\"PREPARING_HOSTS\",\"steps\":2}")
                        + sse("2", "step", "{\"stepId\":\"prepare-host@h1\",\"host\":\"h1\",\"status\":\"REQUESTED\",\"attempt\":1}")
                        + sse("3", "step", "{\"stepId\":\"prepare-host@h1\",\"host\":\"h1\",\"status\":\"SUCCEEDED\",\"attempt\":1,\"tries\":1,\"durationMillis\":4200}")
                        + "id: 4\nevent: step\ndata: {\"stepId\":\"prepare-h").getBytes(StandardCharsets.UTF_8));
                body.flush();
                // the JDK server closes the connection of a handler that throws
                throw new IOException("dropping the stream");
            }
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write((sse("4", "step", "{\"stepId\":\"prepare-host@h2\",\"host\":\"h2\",\"status\":\"REQUESTED\",\"attempt\":1}")
                    + sse("5", "step", "{\"stepId\":\"prepare-host@h2\",\"host\":\"h2\",\"status\":\"FAILED\",\"attempt\":1,\"tries\":3,\"error\":\"no route to host\",\"retryable\":true}")
                    + sse("6", "status", "{\"status\":\"FAILED\",\"reason\":\"step prepare-host@h2 failed on h2 after 3 tries: no route to host\",\"stage\":\"PREPARING_HOSTS\"}"))
                    .getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });

        Run run = run("watch", ID);

        assertEquals(1, run.exitCode(), run.err());
        List<FakeService.Request> streams = planner.requests("GET", "/deployments/" + ID + "/events");
        assertEquals(2, streams.size());
        assertNull(streams.get(0).header("Last-Event-ID"));
        assertEquals("3", streams.get(1).header("Last-Event-ID"), "resumes after the last complete event");
        assertEquals("Bearer " + TOKEN, streams.get(1).header("Authorization"));
        assertEquals("""
                status PREPARING_HOSTS: 2 steps planned
                [------------------------------] 0/2 steps
                step prepare-host@h1 REQUESTED on h1
                step prepare-host@h1 SUCCEEDED on h1 in 4.2s
                [###############---------------] 1/2 steps
                step prepare-host@h2 REQUESTED on h2
                step prepare-host@h2 FAILED on h2 after 3 tries: no route to host
                status FAILED in PREPARING_HOSTS: step prepare-host@h2 failed on h2 after 3 tries: no route to host
                deployment %s FAILED: step prepare-host@h2 failed on h2 after 3 tries: no route to host
                """.formatted(ID), run.out());
        assertTrue(run.err().contains("the event stream dropped"), run.err());
        assertTrue(run.err().contains("resuming after event 3"), run.err());
    }

    @Test
    void watch_onATerminal_redrawsTheBarInPlace_andExitsZeroWhenSucceeded() {
        planner.json("GET /deployments/" + ID, 200, deployment("VERIFYING", 1));
        planner.route("GET /deployments/" + ID + "/events", exchange -> FakeService.send(exchange, 200,
                "text/event-stream", sse("1", "status", "{\"status\":\"PREPARING_HOSTS\",\"steps\":1}")
                        + sse("2", "step", "{\"stepId\":\"prepare-host@h1\",\"host\":\"h1\",\"status\":\"SUCCEEDED\",\"attempt\":1}")
                        + sse("3", "fact", "{\"fact\":\"node-registered:h1\"}")
                        + sse("4", "status", "{\"status\":\"SUCCEEDED\"}")));

        Run run = run(env(), true, "watch", ID);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\r\033[2Kstep prepare-host@h1 SUCCEEDED on h1\n[##############################] 1/1 steps"),
                run.out());
        assertTrue(run.out().endsWith("1/1 steps\ndeployment " + ID + " SUCCEEDED\n"), run.out());
        assertEquals(1, planner.requests("GET", "/deployments/" + ID + "/events").size());
    }

    @Test
    void watch_ofAnUnknownDeployment_exitsThree_namingTheUrl() {
        Run run = run("watch", "nope");

        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("planner GET " + planner.url() + "/deployments/nope: 404 Not Found"), run.err());
    }

    // ---- apply -------------------------------------------------------------------------------------------------

    @Test
    void apply_ofAnInvalidTopology_printsTheDetailAndEveryFieldError_andExitsThree() throws IOException {
        Path topology = Files.writeString(dir.resolve("bad.yaml"), "name: bad\n");
        planner.problem("POST /deployments", 422, """
                {"type":"about:blank","title":"Unprocessable Entity","status":422,
                 "detail":"The topology breaks 2 rules.","correlationId":"c-1",
                 "errors":[{"field":"hosts","message":"must not be empty"},
                           {"field":"clusters[0].ocp.nodes","message":"names no host","hint":"list hosts under hosts:"}]}""");

        Run run = run("apply", "-f", topology.toString());

        assertEquals(3, run.exitCode());
        assertEquals("", run.out());
        assertEquals("ocpha: planner POST " + planner.url() + "/deployments: 422 Unprocessable Entity: "
                + "The topology breaks 2 rules.\n"
                + "  hosts: must not be empty\n"
                + "  clusters[0].ocp.nodes: names no host (list hosts under hosts:)\n", run.err());
    }

    @Test
    void apply_dryRun_sendsTheYamlAsItIs_andPrintsPhasesStepsAndCriticalPath() throws IOException {
        String yaml = "# commented\nname: multi-node\n";
        Path topology = Files.writeString(dir.resolve("multi-node.yaml"), yaml);
        planner.json("POST /deployments", 200, FakeService.resource("plan.json"));

        Run run = run("apply", "-f", topology.toString(), "--dry-run");

        assertEquals(0, run.exitCode(), run.err());
        FakeService.Request request = planner.requests("POST", "/deployments").get(0);
        assertEquals("dryRun=true", request.uri().getQuery());
        assertEquals("application/yaml", request.header("Content-Type"));
        assertEquals(yaml, request.body());
        assertEquals("""
                dry run: multi-node (multi-node), OCP 4.3.5: 7 steps in 3 phases, critical path 1270 s (21m10s)

                PHASE                  STEPS  GATES
                prepare-environment    3      environment-check
                deploy:ocp             4      node-registered:h1, node-registered:h2, node-registered:h3
                post-deployment-check  0      verification

                nothing was started; run it without --dry-run to deploy
                """, run.out());
    }

    @Test
    void apply_printsTheDeploymentId() throws IOException {
        Path topology = Files.writeString(dir.resolve("t.json"), "{\"name\":\"lab\"}");
        planner.json("POST /deployments", 202, deployment("PREPARING_HOSTS", 2));

        Run run = run("apply", "-f", topology.toString(), "--idempotency-key", "ci-42");

        assertEquals(0, run.exitCode(), run.err());
        FakeService.Request request = planner.requests("POST", "/deployments").get(0);
        assertNull(request.uri().getQuery());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("ci-42", request.header("Idempotency-Key"));
        assertEquals("deployment " + ID + " (lab) accepted: PREPARING_HOSTS, 2 steps, estimated 10m00s\n"
                + "follow it with: ocpha watch " + ID + "\n", run.out());
    }

    @Test
    void apply_ofAMissingFile_isAUsageError() {
        Run run = run("apply", "-f", dir.resolve("absent.yaml").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("cannot read"), run.err());
        assertTrue(planner.requests.isEmpty());
    }

    // ---- status, display ---------------------------------------------------------------------------------------

    @Test
    void status_listsTheDeploymentsAsATable_andSaysWhenThereAreMore() {
        planner.json("GET /deployments", 200, FakeService.resource("deployments.json"));

        Run run = run("status", "--size", "2", "--status", "FAILED");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("page=0&size=2&status=FAILED", planner.requests("GET", "/deployments").get(0).uri().getQuery());
        assertEquals("""
                ID                                    NAME        STATUS     MODES                   CREATED
                7b1e2c4a-0f3d-4e8b-9a41-2d6c5f0e9b17  cross-city  FAILED     multi-cluster,multi-az  2026-03-02 01:15:04Z
                0c5d8e21-6a7b-4c3d-8e9f-1a2b3c4d5e6f  lab-single  SUCCEEDED  single-node             2026-03-01 17:02:11Z
                2 of 5 shown; --page 1 for the next ones
                """, run.out());
    }

    @Test
    void status_ofOneDeployment_countsStepsByStatusPerPhase_andNamesTheFailure() {
        planner.json("GET /deployments/" + ID, 200, FakeService.resource("deployment-failed.json"));

        Run run = run("status", ID);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                deployment 7b1e2c4a-0f3d-4e8b-9a41-2d6c5f0e9b17 (cross-city)
                status:    FAILED
                modes:     multi-cluster, multi-az
                created:   2026-03-02 01:15:04Z
                finished:  2026-03-02 01:31:40Z
                estimated: 25m10s
                failure:   in DEPLOYING: step install-ocp@h2 failed on h2 after 3 tries: port 8080 is in use

                PHASE                  STATUS   STEPS  BY STATUS
                prepare-environment    DONE     2      SUCCEEDED 1, SKIPPED 1
                deploy:ocp-a           FAILED   3      SUCCEEDED 1, PENDING 1, FAILED 1
                post-deployment-check  PENDING  0      -

                FAILED STEP     HOST  ATTEMPTS  LAST ERROR
                install-ocp@h2  h2    2         port 8080 is in use
                """, run.out());
    }

    @Test
    void display_showsClustersWithRoleBindingAndAzs_fromTheRegistry() {
        registry.json("GET /deployments/" + ID + "/topology", 200, FakeService.resource("topology.json"));

        Run run = run("display", ID);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                deployment 7b1e2c4a-0f3d-4e8b-9a41-2d6c5f0e9b17 (cross-city): multi-cluster, multi-az; OCP 4.3.5

                CLUSTER  ROLE                STATUS  VERSION  ACCESS                  NODES  STANDBYS/BINDING            AZS
                ocp-a    PRIMARY (LEADER)    ACTIVE  4.3.5    http://10.0.0.100:8080  2      ocp-b BOUND, sync NORMAL    az1,az2
                ocp-b    STANDBY (FOLLOWER)  ACTIVE  4.3.5    http://10.0.2.1:8080    1      → ocp-a BOUND, sync NORMAL  -

                CLUSTER  HOST  ADDRESS   URL                   IDC  AZ   STATUS
                ocp-a    h1    10.0.1.1  http://10.0.1.1:8080  hz1  az1  VERIFIED
                ocp-a    h2    10.0.1.2  http://10.0.1.2:8080  hz2  az2  VERIFIED
                ocp-b    h4    10.0.2.1  http://10.0.2.1:8080  sh1  -    REGISTERED

                AZ   CLUSTER  STATUS                                              IDCS  OCP  METADB REPLICAS  ACCESS
                az1  ocp-a    ACTIVE                                              hz1   h1   h1               http://10.0.1.1:8080
                az2  ocp-a    FAILED: apply-az-parameters@az2/h2 failed: timeout  hz2   h2   h2               http://10.0.1.2:8080

                placement problems:
                  AZ az2 holds 2 MetaDB replicas of cluster ocp-a instead of one
                """, run.out());
        assertTrue(planner.requests.isEmpty(), "display asks the registry only");
    }

    // ---- operator actions --------------------------------------------------------------------------------------

    @Test
    void retryCancelSkipDestroy_callThePlannersEndpoints() throws IOException {
        planner.json("POST /deployments/" + ID + "/retry", 202, deployment("DEPLOYING", 1));
        planner.json("POST /deployments/" + ID + "/cancel", 202, deployment("CANCELLED", 1));
        planner.json("POST /deployments/" + ID + "/steps/install-ocp@h2/skip", 200, """
                {"stepId":"install-ocp@h2","host":"h2","status":"SKIPPED","attempts":2,"skipReason":"installed by hand"}""");
        planner.json("DELETE /deployments/" + ID, 202, deployment("TEARING_DOWN", 1));

        assertEquals(new Run(0, "deployment " + ID + " retried: DEPLOYING\n", ""), run("retry", ID));
        assertEquals(new Run(0, "deployment " + ID + " CANCELLED\n", ""),
                run("cancel", ID, "--reason", "wrong hosts & AZs"));
        assertEquals(new Run(0, "step install-ocp@h2 SKIPPED: installed by hand\n"
                        + "a FAILED deployment continues with: ocpha retry " + ID + "\n", ""),
                run("skip", ID, "install-ocp@h2", "--reason", "installed by hand"));
        assertEquals(new Run(0, "deployment " + ID + " TEARING_DOWN; follow it with: ocpha watch " + ID + "\n", ""),
                run("destroy", ID));

        assertEquals("reason=wrong hosts & AZs", planner.requests("POST", "/deployments/" + ID + "/cancel").get(0).uri()
                .getQuery());
        FakeService.Request skip = planner.requests("POST", "/deployments/" + ID + "/steps/install-ocp@h2/skip")
                .get(0);
        assertEquals("installed by hand", JSON.readTree(skip.body()).get("reason").asText());
        assertEquals("application/json", skip.header("Content-Type"));
    }

    @Test
    void actions_listAsATableOrJson_andDoneCompletesOneWithTheNote() throws IOException {
        planner.json("GET /deployments/" + ID + "/actions", 200, """
                [{"actionId":"register-standby@sh~1","stepId":"register-standby@sh","host":"sh-1",
                  "title":"Bind standby OCP sh","status":"AWAITING_OPERATOR","instructions":"1. Open the console"}]""");
        planner.json("POST /deployments/" + ID + "/actions/register-standby@sh~1/complete", 200, """
                {"actionId":"register-standby@sh~1","status":"COMPLETED","completedBy":"alice","note":"bound"}""");

        Run table = run("actions", ID);
        Run json = run("actions", ID, "-o", "json");
        Run done = run("actions", "done", ID, "register-standby@sh~1", "--note", "bound");

        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("ACTION"), table.out());
        assertTrue(table.out().contains("register-standby@sh~1"), table.out());
        assertTrue(table.out().contains("AWAITING_OPERATOR"), table.out());
        assertEquals("1. Open the console", JSON.readTree(json.out()).get(0).get("instructions").asText());
        assertEquals(new Run(0, "action register-standby@sh~1 COMPLETED by alice: bound\n"
                + "the executor now verifies it; follow with: ocpha watch " + ID + "\n", ""), done);
        FakeService.Request complete = planner.requests("POST", "/deployments/" + ID
                + "/actions/register-standby@sh~1/complete").get(0);
        assertEquals("bound", JSON.readTree(complete.body()).get("note").asText());
        assertEquals(2, run("actions", "done", ID, "register-standby@sh~1").exitCode(), "--note is required");
    }

    @Test
    void skip_withoutAReason_isAUsageError() {
        Run run = run("skip", ID, "install-ocp@h2");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--reason"), run.err());
    }

    @Test
    void aConflict_exitsThree_andAServerError_exitsFour() {
        planner.problem("POST /deployments/" + ID + "/retry", 409, """
                {"title":"Conflict","status":409,"detail":"Deployment %s is SUCCEEDED; only a FAILED one can be retried."}"""
                .formatted(ID));
        planner.route("DELETE /deployments/" + ID, exchange -> FakeService.send(exchange, 503, "text/plain",
                "overloaded"));

        Run conflict = run("retry", ID);
        Run unavailable = run("destroy", ID);

        assertEquals(3, conflict.exitCode());
        assertTrue(conflict.err().contains("409 Conflict: Deployment " + ID + " is SUCCEEDED"), conflict.err());
        assertEquals(4, unavailable.exitCode());
        assertEquals("ocpha: planner DELETE " + planner.url() + "/deployments/" + ID + ": 503: overloaded\n",
                unavailable.err());
    }

    @Test
    void anUnreachableService_exitsFour_namingItsUrl() {
        Map<String, String> env = env();
        String url = planner.url();
        planner.close();

        Run run = run(env, false, "status");

        assertEquals(4, run.exitCode());
        assertTrue(run.err().startsWith("ocpha: cannot reach planner at " + url + "/deployments?page=0&size=20: "),
                run.err());
    }

    @Test
    void withoutAToken_a401_saysHowToGiveOne() {
        planner.problem("GET /deployments", 401, """
                {"title":"Unauthorized","status":401,"detail":"A bearer token is required."}""");
        Map<String, String> env = env();
        env.remove("OCPHA_TOKEN");

        Run run = run(env, false, "status");

        assertEquals(3, run.exitCode());
        assertNull(planner.requests.get(0).header("Authorization"));
        assertTrue(run.err().contains("401 Unauthorized: A bearer token is required."), run.err());
        assertTrue(run.err().contains("--token-file FILE or OCPHA_TOKEN"), run.err());
    }

    @Test
    void theTokenFile_winsOverTheEnvironment_andATokenArgumentIsRefusedWithoutEchoingIt() throws IOException {
        planner.json("GET /deployments", 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
        Path file = Files.writeString(dir.resolve("token"), "ocpha_fromTheFile\n");

        Run fromFile = run("status", "--token-file", file.toString());
        Run argument = run("--token", TOKEN, "status");

        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertEquals("Bearer ocpha_fromTheFile", planner.requests.get(0).header("Authorization"));
        assertEquals(2, argument.exitCode());
        assertTrue(argument.err().contains("--token is not accepted"), argument.err());
        assertEquals(1, planner.requests.size(), "no request with a token from the arguments");
    }

    @Test
    void flags_winOverTheEnvironment() {
        FakeService other = new FakeService();
        try {
            other.json("GET /deployments", 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");

            Run run = run("status", "--planner", other.url());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, other.requests.size());
            assertTrue(planner.requests.isEmpty());
        } finally {
            other.close();
        }
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    void issues(FakeService service, String path, String id, String value) {
        service.json(path, path.endsWith("/rotate") ? 200 : 201, """
                {"id":"%s","name":"ci","role":"operator","token":"%s"}""".formatted(id, value));
    }

    @Test
    void tokenCreate_createsTheNameOnEveryTokenStore_andPrintsEachOnesValueOnce() throws IOException {
        issues(planner, "POST /tokens", "p-1", "ocpha_planner111");
        issues(checker, "POST /tokens", "c-1", "ocpha_checker222");
        issues(registry, "POST /tokens", "r-1", "ocpha_registry333");
        issues(executor1, "POST /tokens", "e-1", "ocpha_executor444");

        Run run = run("token", "create", "--name", "ci", "--role", "operator");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                SERVICE     ID   NAME  ROLE      TOKEN
                planner     p-1  ci    operator  ocpha_planner111
                checker     c-1  ci    operator  ocpha_checker222
                registry    r-1  ci    operator  ocpha_registry333
                executor-1  e-1  ci    operator  ocpha_executor444
                Each value is shown only now; the services keep only its hash. Tokens are per service: give each service its own.
                """, run.out());
        assertTrue(executor2.requests("POST", "/tokens").isEmpty(), "the executors share one database, so one token");
        JsonNode body = JSON.readTree(executor1.requests("POST", "/tokens").get(0).body());
        assertEquals("ci", body.get("name").asText());
        assertEquals("operator", body.get("role").asText());
    }

    @Test
    void tokenCreate_goesOnPastAServiceThatRefuses_andExitsThree() {
        issues(planner, "POST /tokens", "p-1", "ocpha_planner111");
        checker.problem("POST /tokens", 409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"A token named ci exists.\"}");
        issues(registry, "POST /tokens", "r-1", "ocpha_registry333");
        issues(executor1, "POST /tokens", "e-1", "ocpha_executor444");
        issues(executor2, "POST /tokens", "e-2", "ocpha_executor555");

        Run run = run("token", "create", "--name", "ci", "--role", "operator");

        assertEquals(3, run.exitCode());
        assertTrue(run.out().contains("registry    r-1  ci    operator  ocpha_registry333"), run.out());
        assertFalse(run.out().contains("checker"), run.out());
        assertTrue(run.err().contains("checker POST " + checker.url() + "/tokens: 409 Conflict: A token named ci exists."),
                run.err());
    }

    @Test
    void tokenCreate_withService_createsOnThatServiceOnly() {
        issues(executor2, "POST /tokens", "e-2", "ocpha_executor555");

        Run run = run("token", "create", "--name", "ci", "--role", "OPERATOR", "--service", "executor-2");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("executor-2  e-2"), run.out());
        for (FakeService other : List.of(planner, checker, registry, executor1)) {
            assertTrue(other.requests.isEmpty());
        }
    }

    @Test
    void tokenList_showsEveryServicesTokens_withoutValues() {
        String tokens = """
                [{"id":"%s","name":"ci","role":"operator","createdAt":"2026-03-02T09:00:00Z","createdBy":"bootstrap","rotatedAt":null}]""";
        planner.json("GET /tokens", 200, tokens.formatted("p-1"));
        checker.json("GET /tokens", 200, "[]");
        registry.json("GET /tokens", 200, tokens.formatted("r-1"));
        executor1.json("GET /tokens", 200, "[]");
        executor2.json("GET /tokens", 200, "[]");

        Run run = run("token", "list");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                SERVICE   ID   NAME  ROLE      CREATED               BY         ROTATED
                planner   p-1  ci    operator  2026-03-02 09:00:00Z  bootstrap  -
                registry  r-1  ci    operator  2026-03-02 09:00:00Z  bootstrap  -
                """, run.out());
    }

    @Test
    void tokenRotate_byName_rotatesItOnEveryServiceThatHasIt() {
        String ci = "[{\"id\":\"%s\",\"name\":\"ci\",\"role\":\"operator\"}]";
        planner.json("GET /tokens", 200, ci.formatted("p-1"));
        issues(planner, "POST /tokens/p-1/rotate", "p-1", "ocpha_newPlanner");
        checker.json("GET /tokens", 200, "[]");
        registry.json("GET /tokens", 200, ci.formatted("r-1"));
        issues(registry, "POST /tokens/r-1/rotate", "r-1", "ocpha_newRegistry");
        executor1.json("GET /tokens", 200, "[]");
        executor2.json("GET /tokens", 200, "[]");

        Run run = run("token", "rotate", "ci");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                SERVICE   ID   NAME  ROLE      TOKEN
                planner   p-1  ci    operator  ocpha_newPlanner
                registry  r-1  ci    operator  ocpha_newRegistry
                """), run.out());
    }

    @Test
    void tokenRevoke_byId_revokesWhereThatIdIs_andANameNowhere_exitsThree() {
        String ci = "[{\"id\":\"%s\",\"name\":\"ci\",\"role\":\"operator\"}]";
        planner.json("GET /tokens", 200, ci.formatted("p-1"));
        planner.route("DELETE /tokens/p-1", exchange -> FakeService.send(exchange, 204, "text/plain", ""));

        Run revoked = run("token", "revoke", "p-1", "--service", "planner");
        Run nowhere = run("token", "revoke", "ghost", "--service", "planner");

        assertEquals(0, revoked.exitCode(), revoked.err());
        assertEquals("""
                SERVICE  ID   NAME  ROLE      RESULT
                planner  p-1  ci    operator  revoked
                """, revoked.out());
        assertEquals(1, planner.requests("DELETE", "/tokens/p-1").size());
        assertEquals(3, nowhere.exitCode());
        assertEquals("ocpha: no token ghost on planner\n", nowhere.err());
    }

    @Test
    void anUnknownService_isAUsageError() {
        Run run = run("token", "list", "--service", "scheduler");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no service 'scheduler'"), run.err());
    }
}
