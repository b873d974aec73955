package dev.ocpha.lab.metadb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code -o} of observer and obproxy: comma-separated {@code key=value}, a value optionally single-quoted (as obd
 * writes {@code k2='v2'}, oceanbase/obdeploy {@code plugins/oceanbase/4.0.0.0/start_pre.py}) and then free to hold
 * commas and semicolons.
 */
final class StartupParameters {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private StartupParameters() {
    }

    static Map<String, String> parse(String optstr) throws StartRefused {
        Map<String, String> parameters = new LinkedHashMap<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= optstr.length(); i++) {
            char ch = i < optstr.length() ? optstr.charAt(i) : ',';
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                add(parameters, item.toString(), optstr);
                item.setLength(0);
            } else {
                item.append(ch);
            }
        }
        if (quoted) {
            throw new StartRefused("[ERROR] -o '" + optstr + "': unbalanced quote");
        }
        return parameters;
    }

    private static void add(Map<String, String> parameters, String item, String optstr) throws StartRefused {
        int eq = item.indexOf('=');
        String key = eq < 0 ? item.strip() : item.substring(0, eq).strip();
        if (eq < 0 || !KEY.matcher(key).matches()) {
            throw new StartRefused("[ERROR] -o '" + optstr + "': '" + item + "' is not key=value");
        }
        String value = item.substring(eq + 1).strip();
        parameters.put(key, value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value);
    }
}
