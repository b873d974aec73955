package dev.ocpha.lab.metadb;

import dev.ocpha.lab.net.HostNetworks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client of the MetaDB stand-in's line protocol over real TCP (JSON per line: a login, then statements or the
 * OCP-internal operations). Used by {@code obclient}, the OCP server and {@code ocp-bootstrap}; the socket is bound
 * to the calling host's address, so the MetaDB sees the caller as a real server would.
 */
public final class MetaDbClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private MetaDbClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /**
     * Connects from the host at {@code fromAddress} (null: the machine) to {@code host:port} and logs in. The socket is
     * made in that host's network namespace and the kernel picks its source address, as for any client on the host:
     * the host's address towards another host, 127.0.0.1 towards its own loopback.
     */
    public static MetaDbClient connect(String fromAddress, String host, int port, String user, String password,
                                       String database) throws SqlFailure {
        Socket socket = null;
        try {
            socket = HostNetworks.inside(fromAddress, () -> {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(host, port), 3000);
                    return s;
                } catch (IOException e) {
                    s.close();
                    throw e;
                }
            });
            socket.setSoTimeout(30_000);
            MetaDbClient client = new MetaDbClient(socket);
            ObjectNode login = SqlEngine.JSON.createObjectNode().put("user", user).put("password", password == null ? "" : password);
            if (database != null) {
                login.put("database", database);
            }
            client.call(login);
            return client;
        } catch (SqlFailure f) {
            closeQuietly(socket);
            throw f;
        } catch (ConnectException | SocketTimeoutException e) {
            closeQuietly(socket);
            throw new SqlFailure(2003, "HY000", "Can't connect to MySQL server on '" + host + ":" + port + "' (111)");
        } catch (IOException e) {
            closeQuietly(socket);
            throw new SqlFailure(2013, "HY000", "Lost connection to MySQL server at '" + host + ":" + port + "': " + e.getMessage());
        }
    }

    public JsonNode sql(String statement) throws SqlFailure {
        return call(SqlEngine.JSON.createObjectNode().put("sql", statement));
    }

    /** One OCP-internal operation (config, multi-cluster) in the session's tenant and database. */
    public JsonNode op(ObjectNode request) throws SqlFailure {
        return call(request);
    }

    private JsonNode call(ObjectNode request) throws SqlFailure {
        try {
            out.write((request.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new SqlFailure(2013, "HY000", "Lost connection to MySQL server during query");
            }
            JsonNode reply = SqlEngine.JSON.readTree(line);
            if (reply.has("error")) {
                JsonNode e = reply.get("error");
                throw new SqlFailure(e.path("code").asInt(), e.path("state").asText("HY000"), e.path("message").asText());
            }
            return reply;
        } catch (IOException e) {
            throw new SqlFailure(2013, "HY000", "Lost connection to MySQL server during query");
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
