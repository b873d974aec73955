package dev.ocpha.lab.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go templates that {@code docker … --format} users write: {@code {{.A.B}}}, {@code {{json .A}}},
 * {@code {{.}}}, {@code table} prefixes and {@code \t}/{@code \n} escapes, over a JSON view of the object.
 */
final class GoTemplate {
    private static final Pattern ACTION = Pattern.compile("\\{\\{\\s*(json\\s+)?(\\.[A-Za-z0-9_.]*)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoTemplate() {
    }

    static String render(String template, JsonNode data) {
        String t = template.replace("\\t", "\t").replace("\\n", "\n");
        if (t.startsWith("table ")) {
            t = t.substring(6);
        }
        Matcher m = ACTION.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = data;
            for (String part : m.group(2).substring(1).split("\\.")) {
                if (!part.isEmpty()) {
                    value = value == null ? null : value.get(part);
                }
            }
            String text;
            if (value == null || value.isNull() || value.isMissingNode()) {
                text = m.group(1) != null ? "null" : "<no value>";
            } else if (m.group(1) != null || value.isContainerNode()) {
                text = value.toString();
            } else {
                text = value.asText();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The header line docker prints for a {@code table} format: each field's name in capitals. */
    static String header(String template) {
        String t = template.replace("\\t", "\t").replace("\\n", "\n").substring("table ".length());
        return ACTION.matcher(t).replaceAll(r -> Matcher.quoteReplacement(
                r.group(2).substring(r.group(2).lastIndexOf('.') + 1).replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase()));
    }

    static ObjectMapper json() {
        return JSON;
    }
}
