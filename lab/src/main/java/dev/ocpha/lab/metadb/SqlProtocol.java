package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The server side of the lab's SQL line protocol ({@link MetaDbClient} is the client): one JSON line to log in, then
 * one JSON line per statement ({@code {"sql": …}}) or OCP-internal operation ({@link InternalOps}), each answered with
 * one line. Observers and OBProxies differ only in how they log a connection in.
 */
final class SqlProtocol {
    /** What a client logs in with: {@code user[@tenant[#cluster]]}, password, database (null: none). */
    record Credentials(String user, String password, String database) {
    }

    /** Logs a connection in with its credentials, from the client's address. */
    @FunctionalInterface
    interface Login {
        SqlEngine.Session login(Credentials credentials, String clientAddress) throws SqlFailure;
    }

    private SqlProtocol() {
    }

    static Listeners.Handler handler(Login login, SqlEngine engine, InternalOps ops) {
        return client -> serve(client, login, engine, ops);
    }

    private static void serve(Socket client, Login login, SqlEngine engine, InternalOps ops) throws IOException {
        OutputStream out = client.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null) {
            return;
        }
        SqlEngine.Session session;
        try {
            JsonNode request = SqlEngine.JSON.readTree(first);
            Credentials credentials = new Credentials(request.path("user").asText(), request.path("password").asText(""),
                    request.hasNonNull("database") ? request.get("database").asText() : null);
            session = login.login(credentials, client.getInetAddress().getHostAddress());
            reply(out, SqlEngine.JSON.createObjectNode().put("ok", true));
        } catch (SqlFailure e) {
            reply(out, e.json());
            return;
        }
        for (String line; (line = in.readLine()) != null; ) {
            JsonNode request = SqlEngine.JSON.readTree(line);
            try {
                reply(out, request.has("sql") ? engine.execute(session, request.get("sql").asText()) : ops.handle(session, request));
            } catch (SqlFailure e) {
                reply(out, e.json());
            }
        }
    }

    private static void reply(OutputStream out, ObjectNode reply) throws IOException {
        out.write((reply.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
