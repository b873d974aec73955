package dev.ocpha.lab;

import java.util.List;
import java.util.regex.Pattern;

/** Removes passwords from what the lab records or prints: SQL, environment assignments, basic auth, client flags. */
public final class Redactor {
    public static final String MASK = "******";
    private static final Pattern IDENTIFIED_BY = Pattern.compile(
            "(?i)(IDENTIFIED\\s+BY\\s+)('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)([A-Za-z0-9_.\\-]*(?:PASSWORD|PASSWD|_PWD|SECRET)[A-Za-z0-9_.\\-]*\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;'\"}]+)");
    private static final Pattern JSON_SECRET = Pattern.compile("(?i)(\"[^\"]*(?:password|secret)[^\"]*\"\\s*:\\s*\")[^\"]*\"");
    private static final Pattern BASIC_AUTH = Pattern.compile("(?i)(Basic\\s+)[A-Za-z0-9+/=]+");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^/\\s:@]+:)[^@\\s/]+@");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = JSON_SECRET.matcher(text).replaceAll("$1" + MASK + "\"");
        s = IDENTIFIED_BY.matcher(s).replaceAll("$1'" + MASK + "'");
        s = SECRET_ASSIGNMENT.matcher(s).replaceAll("$1" + MASK);
        s = BASIC_AUTH.matcher(s).replaceAll("$1" + MASK);
        return URL_CREDENTIALS.matcher(s).replaceAll("$1" + MASK + "@");
    }

    /** Per argument; for MySQL-style clients also {@code -p<password>} and the argument after {@code --user}/{@code -u u:p}. */
    public static List<String> redactArgs(String tool, List<String> argv) {
        boolean mysqlClient = tool.equals("obclient") || tool.equals("mysql");
        return argv.stream().map(a -> {
            if (mysqlClient && a.startsWith("-p") && a.length() > 2) {
                return "-p" + MASK;
            }
            if (a.startsWith("--password=")) {
                return "--password=" + MASK;
            }
            return redact(a);
        }).toList();
    }
}
