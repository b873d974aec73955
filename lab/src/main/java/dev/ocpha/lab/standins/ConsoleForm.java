package dev.ocpha.lab.standins;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A form an operator submits to one of the lab's console paths ({@code application/x-www-form-urlencoded}). */
public final class ConsoleForm {

    private ConsoleForm() {
    }

    /** The form's fields in order; a pair without {@code =} or without a name is left out. */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
