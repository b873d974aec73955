package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.lab.standins.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code obclient} (the MySQL-compatible client, oceanbase/oceanbase-doc@V4.2.5 deploy page step 3.2): {@code -h H -P P -u USER [-pPW] [-D db] [-N] [-e "…"]},
 * the password also from {@code MYSQL_PWD}, statements from {@code -e} or standard input. It connects over real TCP
 * from the calling host's address; output is {@code mysql -B} style (tab-separated, a header unless {@code -N}).
 */
public final class Obclient {
    private Obclient() {
    }

    public static int run(ToolCall c) throws IOException {
        String host = null;
        int port = 2881;
        String user = "root";
        String password = c.env().get("MYSQL_PWD");
        String database = null;
        String execute = null;
        boolean header = true;
        List<String> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            String value;
            if ((value = value(a, i, "-h", "--host")) != null) {
                host = value;
            } else if ((value = value(a, i, "-P", "--port")) != null) {
                if (!value.matches("\\d{1,5}")) {
                    return c.fail(1, "obclient: Error: Invalid port '" + value + "'");
                }
                port = Integer.parseInt(value);
            } else if ((value = value(a, i, "-u", "--user")) != null) {
                user = value;
            } else if ((value = value(a, i, "-D", "--database")) != null) {
                database = value;
            } else if ((value = value(a, i, "-e", "--execute")) != null) {
                execute = value;
            } else if (arg.startsWith("-p") && arg.length() > 2) {
                password = arg.substring(2);
                continue;
            } else if (arg.startsWith("--password=")) {
                password = arg.substring("--password=".length());
                continue;
            } else if (arg.equals("-p") || arg.equals("--password")) {
                return c.fail(1, "obclient: the lab's obclient has no terminal to prompt for a password: use MYSQL_PWD or -p<password>");
            } else if (arg.equals("-N") || arg.equals("--skip-column-names")) {
                header = false;
                continue;
            } else if (arg.startsWith("-")) {
                continue; // -A, -B, -s, -c, -n, --comments …: accepted, nothing to change
            } else {
                database = arg;
                continue;
            }
            if (arg.equals("-h") || arg.equals("-P") || arg.equals("-u") || arg.equals("-D") || arg.equals("-e")
                    || arg.equals("--host") || arg.equals("--port") || arg.equals("--user") || arg.equals("--database")
                    || arg.equals("--execute")) {
                i++;
            }
        }
        if (host == null || host.equals("localhost")) {
            return c.fail(1, "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/tmp/mysql.sock' (2)");
        }
        String script = execute != null ? execute : new String(c.stdin(), StandardCharsets.UTF_8);
        c.result(user + "@" + host + ":" + port + " " + summary(script));
        try (MetaDbClient client = MetaDbClient.connect(c.host().address(), host, port, user, password, database)) {
            int line = 1;
            for (String statement : split(script)) {
                JsonNode reply;
                try {
                    reply = client.sql(statement);
                } catch (SqlFailure f) {
                    return c.fail(1, "ERROR " + f.code() + " (" + f.state() + ") at line " + line + ": " + f.getMessage());
                }
                if (reply.has("columns")) {
                    StringBuilder out = new StringBuilder();
                    if (header) {
                        List<String> names = new ArrayList<>();
                        reply.get("columns").forEach(n -> names.add(n.asText()));
                        out.append(String.join("\t", names)).append('\n');
                    }
                    for (JsonNode row : reply.get("rows")) {
                        List<String> cells = new ArrayList<>();
                        row.forEach(v -> cells.add(v.asText()));
                        out.append(String.join("\t", cells)).append('\n');
                    }
                    c.out(out.toString());
                }
                line++;
            }
            return 0;
        } catch (SqlFailure f) {
            return c.fail(1, f.mysqlLine());
        }
    }

    private static String summary(String script) {
        String first = script.strip();
        int newline = first.indexOf('\n');
        return newline > 0 ? first.substring(0, newline) : first;
    }

    private static String value(List<String> a, int i, String shortFlag, String longFlag) {
        String arg = a.get(i);
        if (arg.equals(shortFlag) || arg.equals(longFlag)) {
            return i + 1 < a.size() ? a.get(i + 1) : "";
        }
        if (arg.startsWith(longFlag + "=")) {
            return arg.substring(longFlag.length() + 1);
        }
        if (arg.startsWith(shortFlag) && arg.length() > 2 && !arg.startsWith("--")) {
            return arg.substring(2);
        }
        return null;
    }

    /** Statements separated by ';' outside quotes; blank ones and comments dropped. */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (quote != 0) {
                current.append(ch);
                if (ch == '\\' && i + 1 < script.length()) {
                    current.append(script.charAt(++i));
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
                current.append(ch);
            } else if (ch == ';') {
                add(statements, current);
            } else {
                current.append(ch);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String s = current.toString().lines().filter(l -> !l.strip().startsWith("--") && !l.strip().startsWith("#"))
                .reduce("", (x, y) -> x + "\n" + y).strip();
        if (!s.isEmpty()) {
            statements.add(s);
        }
        current.setLength(0);
    }
}
