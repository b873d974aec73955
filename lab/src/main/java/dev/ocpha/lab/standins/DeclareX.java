package dev.ocpha.lab.standins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's environment as bash prints it with {@code declare -x} (a builtin, so the stand-in client starts no
 * process for it): {@code declare -x NAME="value"}, {@code declare -x NAME=$'…'} or {@code declare -x NAME}.
 */
final class DeclareX {
    private static final String PREFIX = "declare -x ";

    private DeclareX() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (!text.startsWith(PREFIX, i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl + 1;
                continue;
            }
            i += PREFIX.length();
            int nameStart = i;
            while (i < text.length() && text.charAt(i) != '=' && text.charAt(i) != '\n') {
                i++;
            }
            String name = text.substring(nameStart, i);
            if (i >= text.length() || text.charAt(i) == '\n') {
                i++; // exported without a value
                continue;
            }
            i++; // '='
            StringBuilder value = new StringBuilder();
            if (text.startsWith("$'", i)) {
                i = ansiC(text, i + 2, value);
            } else if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i++;
            }
            env.put(name, value.toString());
            while (i < text.length() && text.charAt(i) != '\n') {
                i++;
            }
            i++;
        }
        return env;
    }

    /** A {@code $'…'} string from after its opening quote; returns the index after the closing quote. */
    private static int ansiC(String text, int i, StringBuilder value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (i < text.length() && text.charAt(i) != '\'') {
            char c = text.charAt(i++);
            if (c != '\\' || i >= text.length()) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write(8);
                case 'e', 'E' -> bytes.write(27);
                case 'f' -> bytes.write(12);
                case 'v' -> bytes.write(11);
                case 'x' -> {
                    int end = i;
                    while (end < text.length() && end < i + 2 && Character.digit(text.charAt(end), 16) >= 0) {
                        end++;
                    }
                    bytes.write(Integer.parseInt(text.substring(i, end), 16));
                    i = end;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < text.length() && end < i + 2 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                            end++;
                        }
                        bytes.write(Integer.parseInt(text.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        bytes.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8)); // \\ \' \" and the rest
                    }
                }
            }
        }
        value.append(bytes.toString(StandardCharsets.UTF_8));
        return i + 1;
    }
}
